using System;
using System.ComponentModel;

namespace BoardingDsl.Serialization;

/// <summary>
/// On each member of a generated enum: the exact JSON string it stands for. The BoardingDsl analyzers read the
/// documented values of an enum (BDSL0003) from these, for enums from any assembly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class BoardingEnumValueAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    /// <param name="jsonValue">The member's JSON string.</param>
    public BoardingEnumValueAttribute(string jsonValue) => JsonValue = jsonValue;

    /// <summary>The member's JSON string.</summary>
    public string JsonValue { get; }
}
