using System;
using BoardingDsl;

// The documented SubmitOrder example, with a full order built through the Order builder
// instead of the docs' "order": {} placeholder.
var order = new OrderBuilder()
    .WithOrderDate(DateTimeOffset.UtcNow)
    .WithCartUrl("https://www.bakkerij-jansen.nl/cart")
    .WithStoreUrl("https://www.bakkerij-jansen.nl/")
    .WithStatusUrl("https://www.bakkerij-jansen.nl/order-status")
    .WithStoreInformation(store => store
        .WithCompanyName("Bakkerij Jansen B.V.")
        .WithTradingName("Bakkerij Jansen")
        .WithCocNumber("12345678")
        .WithCocRegistry(CocRegistry.Kvk)
        .WithStoreAddress(address => address
            .WithCountry("NL")
            .WithCity("Arnhem")
            .WithStreetName("Korenmarkt")
            .WithHouseNumber("1")
            .WithPostalCode("6811 GV")))
    .WithCompanyContactPerson(person => person
        .WithFirstName("Anna")
        .WithLastName("Jansen")
        .WithEmailAddress("anna@bakkerij-jansen.nl")
        .WithLanguage("nl-NL"))
    .Build();

var submit = Boarding.SubmitOrder()
    .WithNotifyCustomerByEmail(true)
    .WithExternalReference("123456")
    .WithStatusNotificationInformation(n => n
        .WithNotificationUrl("https://api.integrator.nl/orderstatusCCV/")
        .WithNotifyOnStatus(OrderStatus.Completed, OrderStatus.Closed, OrderStatus.Canceled, OrderStatus.Failed))
    .WithOrder(order)
    .Build();

Console.WriteLine("SubmitOrder request body (POST /api/ordercompletion/reseller/order):");
Console.WriteLine(submit.ToJson());

// What the compiler cannot see is checked by Build(), every violation at once:
try
{
    Boarding.SubmitOrder()
        .WithNotifyCustomerByEmail(true)
        .WithStatusNotificationInformation(n => n.WithNotificationUrl("https://x.example/").WithNotifyOnStatus("Cancelled"))
        .WithOrder(order)
        .Build();
}
catch (BoardingValidationException ex)
{
    Console.WriteLine();
    Console.WriteLine(ex.Message);
}
