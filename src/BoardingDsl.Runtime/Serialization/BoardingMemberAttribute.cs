using System;
using System.ComponentModel;

namespace BoardingDsl.Serialization;

/// <summary>
/// On each <c>With…</c> method of a generated builder: the member it sets and the rules of that member the BoardingDsl
/// analyzers check at compile time. <c>Build()</c> checks the same rules (and the rest of the schema) at run time.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class BoardingMemberAttribute : Attribute
{
    /// <summary>Creates the description of one member.</summary>
    /// <param name="jsonName">The member's JSON name.</param>
    /// <param name="valueType">The C# type of the member's value (an array type for an array), as the BDSL0001 fix writes its placeholder.</param>
    public BoardingMemberAttribute(string jsonName, Type valueType)
    {
        JsonName = jsonName;
        ValueType = valueType;
    }

    /// <summary>The member's JSON name.</summary>
    public string JsonName { get; }

    /// <summary>The C# type of the member's value (an array type for an array).</summary>
    public Type ValueType { get; }

    /// <summary>The schema lists the member in <c>required</c> (BDSL0001).</summary>
    public bool Required { get; set; }

    /// <summary>The schema's <c>pattern</c> where it states the https rule (BDSL0002), else null.</summary>
    public string? HttpsPattern { get; set; }

    /// <summary>The JSON name of the member without which CCV ignores this one (<c>x-boarding-ignored-unless-set</c>, BDSL0004), else null.</summary>
    public string? IgnoredUnlessSet { get; set; }

    /// <summary>A value listed twice is reported (<c>x-boarding-warn-on-duplicates</c>, BDSL0005).</summary>
    public bool WarnOnDuplicates { get; set; }

    /// <summary>For an object member: the generated builder of the object (its lambda's parameter), else null.</summary>
    public Type? Builder { get; set; }

    /// <summary>For an object member: members the enclosing schema requires of the object beyond its own <c>required</c> (<c>allOf</c>).</summary>
    public string[]? ExtraRequired { get; set; }
}
