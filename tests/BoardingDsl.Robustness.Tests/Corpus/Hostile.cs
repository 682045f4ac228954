using System.Linq;

namespace BoardingDsl.Robustness.Tests.Corpus;

/// <summary>Pools of hostile values the random corpus draws from.</summary>
internal static class Hostile
{
    public static readonly string[] PlainNames =
    {
        "name", "orderId", "amount", "a", "b", "x", "id", "type", "items", "status", "date", "url", "email", "price", "lines",
        "address", "street", "city", "country", "currency", "note", "notes", "quantity", "total", "tax", "code", "kind", "tags",
        "createdAt", "is-active", "first_name", "LastName", "HTTPStatus", "iban", "x1", "y2",
    };

    /// <summary>Names that break things: keywords, names the generated code uses, case/punctuation twins, unicode, control and format characters.</summary>
    public static readonly string[] AwkwardNames = HandWrittenCases.CSharpKeywords
        .Concat(HandWrittenCases.ContextualKeywords)
        .Concat(HandWrittenCases.GeneratedNames)
        .Concat(new[]
        {
            "Name", "NAME", "order-id", "order_id", "order id", "Order.Id", "order/id", "order~id", "$order", "@orderId", "#", "%20", "{x}", "a\"b", "c\\d",
            "ünïcødé", "Ünïcødé", "日本語", "ελληνικά", "😀", "a😀", "naïve", "İstanbul", "ß", "ǅ", "Ⅻ", "٣ds", "e\u0301", "ÆØÅ",
            "", " ", "_", "__", "-", "123", "1a", "0", "a-", "-a", "a.b", "toJsonValue", "thingValue", "extensionDataValue",
            "hasName", "nameBuilder", "nameBuilders", "nameJson", "isPresent", "nameText", "s_name", "with", "withName",
            "a\u200Bb", "ab", "a\u00ADb", "\u200B", "x\uFEFFy", "a\u0000b", "tab\tname", "new\nline", "a\u2028b", "\u0085", "a\ud800", "\udc00b",
            new string('l', 200), new string('L', 2000),
        })
        .ToArray();

    public static readonly string[] Titles =
    {
        "Thing", "Order", "Request", "Response", "Item", "Status", "class", "event", "Ünïcødé Bestellung", "日本", "!!!", "123", "",
        "Serialization", "System", "String", "Object", "Task", "Boarding", "BoardingClientOperations", "OrderBuilder", "StatusJson",
        "IsPresent", "ToJson", "With", "Thing\u2028X", "Title with spaces", "title-with-dashes", new string('T', 200), "A\u200BB",
    };

    public static readonly string[] Texts =
    {
        "A value.", "", "</summary><b>&amp; <see cref=\"x\"/>", "*/ /* // #if DEBUG", "line\nbreak\r\nand more", "tab\there", "quote \" and \\ backslash",
        "ünïcødé 日本 😀", "{{ name }} {% raw %}", "\u0000 nul", "\u0085 next line", "x\ud800y lone", "a\u2028line separator", "a\u2029paragraph",
        "ends with a backslash \\", "<![CDATA[ x ]]>", "&#x2028;", new string('d', 5000),
    };

    public static readonly string[] EnumValues =
    {
        "a", "b", "A", "value", "Value", "class", "null", "true", "1", "-1", "0.5", "", " ", "_", "__", "a b", "a-b", "a_b", "AB", "ünï", "Ünï",
        "😀", "a😀", "x\"y", "x\\y", "x\ny", "\u0000", "Processing", "processing", "PROCESSING", "value__", "x\u200By", "xy", "a\ud800", "q\u2028",
        new string('v', 200), new string('V', 2000),
    };

    public static readonly string[] ValidPatterns = { "^[a-z]+$", "^https://", "^\\d{4}-\\d{2}$", "", ".*", "\\p{L}+", "(?<n>a)\\k<n>", "^(a+)+$", "[\\u0000-\\u001F]", "\"", "^https?://[^\\s]+$" };

    public static readonly string[] InvalidPatterns = { "(", "[a-", "*", "\\", "a{2,1}", "(?<", "[z-a]", "(?P<x>a)" };

    /// <summary>Numbers as written: small, negative, fractional, huge (beyond long/ulong/decimal), tiny.</summary>
    public static readonly string[] Numbers =
    {
        "0", "1", "-1", "1.5", "-0", "1e2", "1E-3", "0.1e-30", "2147483647", "2147483648", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "1e20", "-1e20", "79228162514264337593543950335", "1e400", "123456789012345678901234567890",
    };

    public static readonly string[] Formats = { "date-time", "uri", "email", "decimal", "double", "int32", "bogus", "" };

    public static readonly string[] Methods = { "POST", "GET", "PATCH", "PUT", "DELETE", "get", "PURGE", "G E T", "" };

    public static readonly string[] Paths = { "/api/x", "/api/{orderId}/status", "", "/a/\"b\"/c", "/ünï", "/a\u2028b", "/\\", "relative", "https://abs.example/x" };

    public static readonly string[] Operations = { "Run", "StartOrder", "Ünïcødé", "class", "1Run", "", "Run Now", "ToString", "With", "Boarding", "A\u200BB", "run" };

    public static readonly string[] ParameterNames = { "orderId", "order-id", "id", "class", "client", "cancellationToken", "path", "request", "", "ünï", "x y", "a\ud800" };

    public static readonly string[] FileNames =
    {
        "class.schema.json", "123.schema.json", "ünïcødé.schema.json", "a b.schema.json", "a-b-c.schema.json", "x.y.schema.json",
        "UPPER.SCHEMA.JSON", "boarding.schema.json", "_.schema.json", "to-string.schema.json", "日本.schema.json",
    };

    public static readonly string[] UnknownKeywords = { "oneOf", "not", "if", "then", "const", "default", "examples", "patternProperties", "$anchor", "definitions", "dependentRequired", "readOnly", "deprecated" };

    /// <summary>
    /// Keywords a clean case may carry with an object value: a warning (BDSL1006) or an annotation at most. Unenforced
    /// assertions (oneOf, not, …) are BDSL1019, an error, and annotations with a wrong-typed value BDSL1007.
    /// </summary>
    public static readonly string[] CleanUnknownKeywords = { "$anchor", "definitions", "default", "contentSchema" };
}
