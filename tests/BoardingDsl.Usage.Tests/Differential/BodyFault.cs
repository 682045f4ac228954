namespace BoardingDsl.Usage.Tests.Differential;

/// <summary>The one thing broken in a generated body (or nothing).</summary>
public enum BodyFault
{
    /// <summary>A valid body.</summary>
    None,

    /// <summary>A required member left out.</summary>
    MissingRequired,

    /// <summary>A member (or array item) of a JSON type its schema does not admit, <c>null</c> included.</summary>
    WrongType,

    /// <summary>A string that is not one of the enum's values.</summary>
    UnknownEnumValue,

    /// <summary>A member the schema does not declare, in an object with <c>additionalProperties: false</c>.</summary>
    UnknownMemberInClosedObject,

    /// <summary>A valid absolute URL that does not match the member's <c>pattern</c> (<c>^https://</c>).</summary>
    PatternMismatch,

    /// <summary>A relative reference under <c>format: uri</c>, which requires an absolute URI.</summary>
    RelativeUri,

    /// <summary>A <c>format: date-time</c> string that is not an RFC 3339 date-time (impossible date or time, wrong shape).</summary>
    InvalidDateTime,

    /// <summary>A <c>format: email</c> string that is not an RFC 5321 mailbox.</summary>
    InvalidEmail,

    /// <summary>A number under <c>format: decimal</c> beyond what a .NET decimal holds.</summary>
    DecimalOutOfRange,
}
