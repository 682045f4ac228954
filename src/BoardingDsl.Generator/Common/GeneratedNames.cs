namespace BoardingDsl.Generator.Common;

/// <summary>
/// The suffixes of the companion types the generator writes beside a type: one owner, used by the naming and clash
/// rules (a type named like another type's companion is a clash) and by the emitter.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>An object type's builder: <c>Order</c> → <c>OrderBuilder</c>.</summary>
    public const string BuilderSuffix = "Builder";

    /// <summary>An enum's JSON helpers: <c>OrderStatus</c> → <c>OrderStatusJson</c>.</summary>
    public const string EnumJsonSuffix = "Json";

    /// <summary>The companion's name of type <paramref name="name"/>.</summary>
    public static string Companion(string name, bool isEnum) => name + (isEnum ? EnumJsonSuffix : BuilderSuffix);
}
