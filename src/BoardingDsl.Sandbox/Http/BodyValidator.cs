using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace BoardingDsl.Sandbox.Http;

/// <summary>One violation listed in a 400 answer.</summary>
internal sealed record Violation(string Path, string Kind, string Message)
{
    public JsonObject ToJson() => new() { ["path"] = Path, ["kind"] = Kind, ["message"] = Message };
}

/// <summary>Parses a request body and checks it against its schema with NJsonSchema, plus the rules NJsonSchema cannot express.</summary>
internal static class BodyValidator
{
    /// <summary>The kind reported for a body that is not JSON at all.</summary>
    public const string InvalidJsonKind = "InvalidJson";

    /// <summary>The kind reported for a notification URL that is not an absolute https URL (beyond the schema's checks).</summary>
    public const string AbsoluteHttpsUrlKind = "AbsoluteHttpsUrlExpected";

    private const string NotificationUrlPath = "#/statusNotificationInformation.notificationUrl";

    /// <summary>The parsed body, or the violations that make it unacceptable.</summary>
    public static (JsonNode? Body, IReadOnlyList<Violation> Violations) Validate(string text, JsonSchema schema)
    {
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
            {
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
                AllowDuplicateProperties = false,
            });
        }
        catch (JsonException e)
        {
            return (null, [new Violation("#", InvalidJsonKind, "The body is not JSON: " + e.Message)]);
        }

        if (body is null)
        {
            // The literal null: let the schema say what it expected.
            text = "null";
        }

        var violations = new List<Violation>();
        ICollection<ValidationError> errors;
        try
        {
            errors = new JsonSchemaValidator(FormatRules.Settings).Validate(text, schema);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            // NJsonSchema reads the body again with Newtonsoft.Json, which may refuse what System.Text.Json took.
            return (null, [new Violation("#", InvalidJsonKind, "The body is not JSON the validator can read: " + e.Message)]);
        }

        Collect(errors, violations);
        if (violations.Count == 0 && errors.Count > 0)
        {
            // Only null branches were reported: keep the wrappers rather than accept an invalid body.
            violations.AddRange(errors.Select(Describe));
        }

        CheckNotificationUrl(body, violations);
        return (body, WithoutConsequences(violations.Distinct().ToList()));
    }

    /// <summary>
    /// NJsonSchema reports a non-object where an object is required as ObjectExpected <em>and</em> each of the
    /// object's required members as missing; only the ObjectExpected is kept, as the rest follows from it.
    /// </summary>
    private static Violation[] WithoutConsequences(List<Violation> violations)
    {
        var notObjects = violations.Where(v => v.Kind == nameof(ValidationErrorKind.ObjectExpected)).Select(v => v.Path).ToHashSet(StringComparer.Ordinal);
        return violations.Where(v => v.Kind != nameof(ValidationErrorKind.PropertyRequired) || !notObjects.Contains(ParentOf(v))).ToArray();
    }

    private static string ParentOf(Violation required)
    {
        var dot = required.Path.LastIndexOf('.');
        return dot >= 0 ? required.Path[..dot] : "#/";
    }

    /// <summary>
    /// The schema's <c>^https://</c> pattern and <c>format: uri</c> let through URLs CCV cannot call (no host, a port
    /// past 65535, a fragment), so the notification URL is also held to the https rule.
    /// </summary>
    private static void CheckNotificationUrl(JsonNode? body, List<Violation> violations)
    {
        if (body is not JsonObject root
            || root["statusNotificationInformation"] is not JsonObject info
            || info["notificationUrl"] is not JsonValue value
            || !value.TryGetValue<string>(out var url))
        {
            return;
        }

        // The https rule Build() and BDSL0002 apply (Formats/HttpsUrlRule.cs): host, port, no fragment, length.
        var isAbsoluteHttps = BoardingDsl.Serialization.BoardingRules.IsHttpsUrl(url);
        if (!isAbsoluteHttps && !violations.Any(v => v.Path == NotificationUrlPath))
        {
            violations.Add(new Violation(NotificationUrlPath, AbsoluteHttpsUrlKind, "The notification URL must be an absolute https:// URL."));
        }
    }

    /// <summary>
    /// Looks through NJsonSchema's wrapper errors (NotAnyOf, NotAllOf, ArrayItemNotValid, NoTypeValidates…) to the
    /// errors that say what is wrong, dropping the <c>null</c> alternative of a nullable member, which fails with a
    /// lone NullExpected whenever a value is present.
    /// </summary>
    private static void Collect(IEnumerable<ValidationError> errors, List<Violation> into)
    {
        foreach (var error in errors)
        {
            var before = into.Count;
            switch (error)
            {
                case ChildSchemaValidationError child:
                    foreach (var branch in child.Errors.Values)
                    {
                        if (branch.Count == 1 && branch.Single().Kind == ValidationErrorKind.NullExpected)
                        {
                            continue;
                        }

                        Collect(branch, into);
                    }

                    break;
                case MultiTypeValidationError multi:
                    foreach (var branch in multi.Errors.Where(b => b.Key != JsonObjectType.Null))
                    {
                        Collect(branch.Value, into);
                    }

                    break;
                default:
                    into.Add(Describe(error));
                    break;
            }

            if (into.Count == before && error is ChildSchemaValidationError or MultiTypeValidationError)
            {
                // A wrapper whose branches said nothing useful: report the wrapper itself.
                into.Add(Describe(error));
            }
        }
    }

    private static Violation Describe(ValidationError error)
    {
        var path = string.IsNullOrEmpty(error.Path) ? "#" : error.Path;
        var schema = error.Schema?.ActualSchema;
        var member = error.Property;
        var message = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"The required member '{member}' is missing.",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"The member '{member}' is not allowed here.",
            ValidationErrorKind.NotInEnumeration => "The value is not one of: " + string.Join(", ", schema?.Enumeration.Select(v => v?.ToString() ?? "null") ?? []) + ".",
            ValidationErrorKind.PatternMismatch => $"The value does not match the pattern '{schema?.Pattern}'.",
            ValidationErrorKind.StringExpected => "A string is expected.",
            ValidationErrorKind.NumberExpected => "A number is expected.",
            ValidationErrorKind.IntegerExpected => "An integer is expected.",
            ValidationErrorKind.BooleanExpected => "true or false is expected.",
            ValidationErrorKind.ObjectExpected => "An object is expected.",
            ValidationErrorKind.ArrayExpected => "An array is expected.",
            ValidationErrorKind.NullExpected => "null is expected.",
            ValidationErrorKind.UriExpected => "An absolute URI (RFC 3986) is expected.",
            ValidationErrorKind.DateTimeExpected => "A date-time (RFC 3339) is expected.",
            ValidationErrorKind.EmailExpected => "An e-mail address (RFC 5321 mailbox) is expected.",
            ValidationErrorKind.StringTooShort => $"The string is shorter than {schema?.MinLength}.",
            ValidationErrorKind.StringTooLong => $"The string is longer than {schema?.MaxLength}.",
            ValidationErrorKind.TooFewItems => $"The array has fewer than {schema?.MinItems} items.",
            ValidationErrorKind.TooManyItems => $"The array has more than {schema?.MaxItems} items.",
            ValidationErrorKind.ItemsNotUnique => "The array's items are not unique.",
            ValidationErrorKind.NumberTooSmall => $"The number is smaller than {schema?.Minimum?.ToString(CultureInfo.InvariantCulture)}.",
            ValidationErrorKind.NumberTooBig => $"The number is bigger than {schema?.Maximum?.ToString(CultureInfo.InvariantCulture)}.",
            _ => $"The value fails the schema ({error.Kind}).",
        };
        return new Violation(path, error.Kind.ToString(), message);
    }
}
