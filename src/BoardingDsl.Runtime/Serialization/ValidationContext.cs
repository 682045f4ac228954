using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace BoardingDsl.Serialization;

/// <summary>
/// Collects violations while a builder tree is built. The JSON path is kept as a stack of segments and only
/// turned into a string when a violation is found, so a valid build allocates no path strings.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationContext
{
    // A member name, or an array index when Name is null: nothing is formatted until a violation is found.
    private (string? Name, int Index)[]? _segments;
    private int _depth;
    private List<ValidationViolation>? _violations;

    /// <summary>Whether any violation was found so far.</summary>
    public bool HasErrors => _violations is not null;

    /// <summary>Steps into a member.</summary>
    public void Enter(string jsonName) => Push((jsonName, 0));

    /// <summary>Steps into an array element.</summary>
    public void EnterIndex(int index) => Push((null, index));

    /// <summary>Steps back out.</summary>
    public void Exit() => _depth--;

    private void Push((string? Name, int Index) segment)
    {
        if (_segments is null || _depth == _segments.Length)
        {
            System.Array.Resize(ref _segments, _depth == 0 ? 8 : _depth * 2);
        }

        _segments[_depth++] = segment;
    }

    /// <summary>A required member was not set.</summary>
    public void Missing(string jsonName, string method) =>
        Add(jsonName, "required", null, $"is required; call {method}(…)");

    /// <summary>A member broke a rule.</summary>
    public void Invalid(string jsonName, string rule, string? value, string message) => Add(jsonName, rule, value, message);

    /// <summary>Throws <see cref="BoardingValidationException"/> when anything was found.</summary>
    public void ThrowIfAny(string typeName)
    {
        if (_violations is not null)
        {
            throw new BoardingValidationException(typeName, _violations);
        }
    }

    private void Add(string jsonName, string rule, string? value, string message)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < _depth; i++)
        {
            var (name, index) = _segments![i];
            if (name is null)
            {
                path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                path.Append('.').Append(name);
            }
        }

        if (jsonName.Length > 0)
        {
            path.Append('.').Append(jsonName);
        }

        (_violations ??= new List<ValidationViolation>()).Add(new ValidationViolation(path.ToString(), rule, value, message));
    }
}
