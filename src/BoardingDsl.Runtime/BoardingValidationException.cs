using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace BoardingDsl;

/// <summary>Thrown by a builder's <c>Build()</c> with every violation at once, for what the compiler could not see.</summary>
public sealed class BoardingValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="typeName"/> with its violations.</summary>
    public BoardingValidationException(string typeName, IReadOnlyList<ValidationViolation> violations)
        : base(Format(typeName, violations))
    {
        TypeName = typeName;
        Violations = violations;
    }

    /// <summary>The type that was being built.</summary>
    public string TypeName { get; }

    /// <summary>Every violation found, in schema order.</summary>
    public IReadOnlyList<ValidationViolation> Violations { get; }

    private static string Format(string typeName, IReadOnlyList<ValidationViolation> violations)
    {
        var sb = new StringBuilder();
        sb.Append(typeName).Append(" is not valid (").Append(violations.Count)
          .Append(violations.Count == 1 ? " violation):" : " violations):");
        foreach (var v in violations.Take(50))
        {
            sb.AppendLine().Append("  - ").Append(v.Path).Append(": ").Append(v.Message);
        }

        if (violations.Count > 50)
        {
            sb.AppendLine().Append("  … and ").Append(violations.Count - 50).Append(" more");
        }

        return sb.ToString();
    }
}
