using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using BoardingDsl.Serialization;

namespace BoardingDsl.Usage.Tests.Differential;

/// <summary>
/// BoardingDsl's opinion of a body: <c>FromJson</c> of the request model, then <c>Build()</c> of a new builder filled
/// from what was read, member by member through the public <c>With…</c> methods, nested objects and array items
/// through their own builders (a finished value would be passed on unchecked). Enum values go in as the text CCV
/// sent, through the string overloads that <c>Build()</c> checks.
/// </summary>
/// <remarks>
/// An unknown member of a closed object (<c>additionalProperties: false</c>) has no <c>With…</c> method: the DSL cannot
/// produce such a body, which is its verdict. An open object's unknown members are allowed by the schema; builders
/// do not take them, so the filler leaves them out (they only travel through <c>FromJson</c>/<c>ToJson</c>).
/// </remarks>
internal static class DslJudge
{
    public static Verdict Judge(string schemaFile, string json) => Judge(schemaFile, json, out _);

    /// <summary>Judges, and on success returns what the builder built, for the round-trip check.</summary>
    public static Verdict Judge(string schemaFile, string json, out IBoardingModel? built)
    {
        built = null;
        var builderType = BuilderFor(schemaFile);
        var modelType = builderType.GetMethod("Build", Type.EmptyTypes)!.ReturnType;
        object model;
        try
        {
            model = Invoke(modelType.GetMethod("FromJson", [typeof(string)])!, null, json)!;
        }
        catch (JsonException e)
        {
            return Verdict.Rejected("FromJson: " + e.Message);
        }

        var builder = Activator.CreateInstance(builderType)!;
        var unbuildable = Fill(builder, model);
        if (unbuildable is not null)
        {
            return Verdict.Rejected(unbuildable);
        }

        try
        {
            built = (IBoardingModel)Invoke(builderType.GetMethod("Build", Type.EmptyTypes)!, builder)!;
            return Verdict.Accepted;
        }
        catch (BoardingValidationException e)
        {
            return Verdict.Rejected("Build: " + e.Message);
        }
    }

    private static readonly Dictionary<string, Type> Builders = typeof(Boarding).Assembly.GetTypes()
        .Select(t => (Type: t, Marker: t.GetCustomAttribute<BoardingBuilderAttribute>()))
        .Where(b => b.Marker is not null)
        .GroupBy(b => b.Marker!.SchemaFile, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);

    private static Type BuilderFor(string schemaFile) =>
        Builders.TryGetValue(schemaFile, out var builder) ? builder : throw new InvalidOperationException($"no builder carries [BoardingBuilder(…, \"{schemaFile}\")]");

    /// <summary>Fills <paramref name="builder"/> from <paramref name="model"/>; a reason when the model cannot be built.</summary>
    private static string? Fill(object builder, object model)
    {
        var builderType = builder.GetType();
        var modelType = model.GetType();
        var schemaFile = builderType.GetCustomAttribute<BoardingBuilderAttribute>()!.SchemaFile;
        var extension = (IReadOnlyList<KeyValuePair<string, JsonElement>>)modelType.GetProperty("ExtensionData")!.GetValue(model)!;
        if (extension.Count > 0 && SchemaDocuments.Shipped.Root(schemaFile)["additionalProperties"]?.GetValue<bool>() == false)
        {
            return $"{modelType.Name} has member '{extension[0].Key}', for which its builder has no method";
        }

        var isPresent = modelType.GetMethod("IsPresent", [typeof(string)])!;
        var members = builderType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => (Method: m, Member: m.GetCustomAttribute<BoardingMemberAttribute>()))
            .Where(m => m.Member is not null)
            .GroupBy(m => m.Member!.JsonName, StringComparer.Ordinal);
        foreach (var overloads in members)
        {
            if (!(bool)isPresent.Invoke(model, [overloads.Key])!)
            {
                continue;
            }

            var methodName = overloads.First().Method.Name;
            var property = modelType.GetProperty(methodName["With".Length..])
                ?? throw new InvalidOperationException($"{modelType.Name} has no property for {builderType.Name}.{methodName}");
            var value = property.GetValue(model);
            var reason = Set(builder, overloads.Select(o => o.Method).ToArray(), overloads.First().Member!, value);
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? Set(object builder, MethodInfo[] overloads, BoardingMemberAttribute member, object? value)
    {
        MethodInfo Overload(Func<Type, bool> accepts, string what) =>
            overloads.FirstOrDefault(o => o.GetParameters() is [var p] && accepts(p.ParameterType))
            ?? throw new InvalidOperationException($"{builder.GetType().Name} has no {what} overload for '{member.JsonName}'");

        if (value is null)
        {
            // An explicit JSON null: the overload that takes a value (not a lambda). FromJson keeps a null it reads
            // for an optional member whose schema does not admit null; no With… method takes it, so the DSL cannot
            // write that body.
            var nullable = overloads.FirstOrDefault(o => o.GetParameters() is [var p] && !IsLambda(p.ParameterType)
                && (!p.ParameterType.IsValueType || Nullable.GetUnderlyingType(p.ParameterType) is not null)
                && p.ParameterType != typeof(string[]) && !(p.ParameterType.IsArray && p.ParameterType.GetElementType()!.IsEnum));
            if (nullable is null || !AcceptsNull(nullable))
            {
                return $"{builder.GetType().Name} has no With… method that takes null for '{member.JsonName}'";
            }

            Invoke(nullable, builder, [null]);
            return null;
        }

        if (member.Builder is { } nestedBuilder)
        {
            string? reason = null;
            if (value is IEnumerable items && value is not string)
            {
                var list = items.Cast<object>().ToArray();
                var actions = System.Array.CreateInstance(typeof(Action<>).MakeGenericType(nestedBuilder), list.Length);
                for (var i = 0; i < list.Length; i++)
                {
                    actions.SetValue(Filler(nestedBuilder, list[i], r => reason ??= r), i);
                }

                Invoke(Overload(t => t.IsArray && t.GetElementType() == typeof(Action<>).MakeGenericType(nestedBuilder), "params lambda"), builder, [actions]);
            }
            else
            {
                Invoke(Overload(t => t == typeof(Action<>).MakeGenericType(nestedBuilder), "lambda"), builder, [Filler(nestedBuilder, value, r => reason ??= r)]);
            }

            return reason;
        }

        if (value is IEnumerable sequence && value is not string && value is not JsonElement)
        {
            var list = sequence.Cast<object>().ToArray();
            if (list.Length > 0 && IsEnumValue(list[0].GetType()) || IsEnumValue(ElementType(value.GetType())))
            {
                var texts = list.Select(EnumText).ToArray();
                Invoke(Overload(t => t == typeof(string[]), "params string[]"), builder, [texts]);
                return null;
            }

            var element = ElementType(value.GetType());
            var array = System.Array.CreateInstance(element, list.Length);
            for (var i = 0; i < list.Length; i++)
            {
                array.SetValue(list[i], i);
            }

            Invoke(Overload(t => t.IsArray && t.GetElementType() == element, "params"), builder, [array]);
            return null;
        }

        if (IsEnumValue(value.GetType()))
        {
            Invoke(Overload(t => t == typeof(string), "string"), builder, [EnumText(value)]);
            return null;
        }

        Invoke(Overload(t => t.IsInstanceOfType(value) && !IsLambda(t), value.GetType().Name), builder, [value]);
        return null;
    }

    /// <summary>An <c>Action&lt;TBuilder&gt;</c> that fills the nested builder from <paramref name="model"/>.</summary>
    private static Delegate Filler(Type builderType, object model, Action<string> unbuildable) =>
        (Delegate)typeof(DslJudge).GetMethod(nameof(TypedFiller), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(builderType).Invoke(null, [model, unbuildable])!;

    private static Action<TBuilder> TypedFiller<TBuilder>(object model, Action<string> unbuildable) where TBuilder : notnull =>
        builder =>
        {
            if (Fill(builder, model) is { } reason)
            {
                unbuildable(reason);
            }
        };

    /// <summary>Whether the parameter is annotated nullable (<c>string?</c>, <c>Order?</c>, <c>decimal?</c>).</summary>
    private static bool AcceptsNull(MethodInfo method)
    {
        var parameter = method.GetParameters()[0];
        return Nullable.GetUnderlyingType(parameter.ParameterType) is not null
            || new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
    }

    private static bool IsLambda(Type type) => typeof(Delegate).IsAssignableFrom(type) || type.IsArray && typeof(Delegate).IsAssignableFrom(type.GetElementType());

    /// <summary>A closed enum, or an open one (<c>…Value</c>: it has <c>IsKnown</c> and <c>ToJsonString()</c>).</summary>
    private static bool IsEnumValue(Type type) => type.IsEnum || type.GetProperty("IsKnown") is not null && type.GetMethod("ToJsonString", Type.EmptyTypes) is not null;

    private static string EnumText(object value) => value.GetType().IsEnum
        ? (string)value.GetType().Assembly.GetType(value.GetType().FullName + "Json")!.GetMethod("ToJsonString", [value.GetType()])!.Invoke(null, [value])!
        : (string)value.GetType().GetMethod("ToJsonString", Type.EmptyTypes)!.Invoke(value, null)!;

    private static Type ElementType(Type sequence) => sequence.IsArray
        ? sequence.GetElementType()!
        : sequence.GetInterfaces().Append(sequence).First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];

    /// <summary>Calls <paramref name="method"/>, letting its own exception (a JsonException, a validation failure) through unwrapped.</summary>
    private static object? Invoke(MethodInfo method, object? target, params object?[] arguments) =>
        method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
}
