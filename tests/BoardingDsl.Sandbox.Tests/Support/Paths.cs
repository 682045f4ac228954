namespace BoardingDsl.Sandbox.Tests.Support;

/// <summary>The documented paths, written out here so that the tests check the routes the sandbox reads from the schemas.</summary>
internal static class Paths
{
    private const string Configurator = "api/ordercompletion/reseller/orderconfigurator/";

    public const string StartOrder = Configurator + "startorder";
    public const string AddSalesPackage = Configurator + "addSalesPackage";
    public const string AddProductPspStandalone = Configurator + "addProductPSPStandalone";
    public const string AddProductPspSubmerchant = Configurator + "addProductPSPSubmerchant";
    public const string AddTerminalPackage = Configurator + "addTerminalPackage";
    public const string SetShoppingCartPricingDetails = Configurator + "SetShoppingCardPricingDetails";
    public const string SubmitOrder = "api/ordercompletion/reseller/order";

    public static string Status(string orderId) => $"api/ordercompletion/reseller/order/{orderId}/status";
}
