using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>The values a call passes, with <c>params</c> arrays expanded into their elements.</summary>
internal static class ArgumentValues
{
    public static IEnumerable<IOperation> Of(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (Unwrap(argument.Value) is IArrayCreationOperation { Initializer: not null } array)
            {
                foreach (var element in array.Initializer?.ElementValues ?? Enumerable.Empty<IOperation>())
                {
                    yield return element;
                }
            }
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                yield return argument.Value;
            }
        }
    }

    /// <summary>The operation under implicit conversions (what the user wrote).</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
