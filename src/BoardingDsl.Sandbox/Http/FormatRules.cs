using System.Collections.Generic;
using BoardingDsl.Serialization;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace BoardingDsl.Sandbox.Http;

/// <summary>
/// The sandbox checks <c>format</c> with the same code as <c>Build()</c>/<c>FromJson</c> and the analyzers
/// (<c>BoardingRules</c>, over <c>src/BoardingDsl.Runtime/Formats</c>), not NJsonSchema's own format validators, so one
/// string gets one verdict everywhere (NJsonSchema's <c>uri</c> accepts relative references, its <c>date-time</c> and
/// <c>email</c> are looser than the RFCs).
/// </summary>
internal static class FormatRules
{
    public static JsonSchemaValidatorSettings Settings { get; } = new()
    {
        FormatValidators = new List<IFormatValidator>
        {
            new Rule("uri", ValidationErrorKind.UriExpected, BoardingRules.IsAbsoluteUri),
            new Rule("email", ValidationErrorKind.EmailExpected, BoardingRules.IsEmail),
            new Rule("date-time", ValidationErrorKind.DateTimeExpected, BoardingRules.IsDateTime),
        },
    };

    private sealed class Rule(string format, ValidationErrorKind kind, System.Func<string, bool> isValid) : IFormatValidator
    {
        public string Format => format;

        public ValidationErrorKind ValidationErrorKind => kind;

        // A date-time string is read by Newtonsoft.Json as a Date token: the text is still the string as sent.
        public bool IsValid(string value, JTokenType tokenType) => tokenType is not JTokenType.String and not JTokenType.Date and not JTokenType.Uri || isValid(value);
    }
}
