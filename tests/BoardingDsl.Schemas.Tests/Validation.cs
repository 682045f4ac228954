using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Validation;

namespace BoardingDsl.Schemas.Tests;

/// <summary>One error that NJsonSchema reports, after its wrapper errors have been looked through.</summary>
internal sealed record Leaf(ValidationErrorKind Kind, string Path)
{
    public override string ToString() => $"{Kind} at {Path}";
}

internal static class Validation
{
    public static async Task<IReadOnlyList<Leaf>> ErrorsAsync(string schemaFile, string json)
    {
        var schema = await SchemaLoader.LoadAsync(schemaFile);
        return Leaves(schema.Validate(json));
    }

    /// <summary>
    /// The errors that say what is wrong, with NJsonSchema's wrappers (NotAnyOf, NotAllOf, ArrayItemNotValid,
    /// NoTypeValidates…) replaced by what they contain. Two branches are dropped because they are noise for a
    /// value that is present: the <c>null</c> alternative of <c>anyOf [ref, null]</c> (it fails with a lone
    /// NullExpected) and the <c>null</c> type of <c>["string", "null"]</c>.
    /// </summary>
    public static IReadOnlyList<Leaf> Leaves(IEnumerable<ValidationError> errors)
    {
        var result = new List<Leaf>();
        Collect(errors, result);
        return result;
    }

    private static void Collect(IEnumerable<ValidationError> errors, List<Leaf> into)
    {
        foreach (var error in errors)
        {
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
                    into.Add(new Leaf(error.Kind, error.Path ?? "#"));
                    break;
            }
        }
    }
}
