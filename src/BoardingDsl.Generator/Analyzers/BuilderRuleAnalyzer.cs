using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BoardingDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>The BDSL0xxx rules on builder code, one analyzer each.</summary>
[Flags]
public enum BuilderRules
{
    /// <summary>BDSL0001.</summary>
    MissingRequired = 1,

    /// <summary>BDSL0002.</summary>
    NotHttps = 2,

    /// <summary>BDSL0003.</summary>
    UndocumentedEnumValue = 4,

    /// <summary>BDSL0004.</summary>
    IgnoredWithoutSibling = 8,

    /// <summary>BDSL0005.</summary>
    DuplicateValue = 16,
}

/// <summary>
/// Checks builder code against the schema model, so every rule comes from the schema (required, pattern,
/// enum, x- annotations), never from a field name written here. One sealed analyzer per rule (below): a host such as
/// <c>dotnet format</c> takes the Fix All key from the first diagnostic an analyzer reports, so an analyzer that
/// reported several rules left the other rules' fixes unapplied.
/// </summary>
public abstract class BuilderRuleAnalyzer : DiagnosticAnalyzer
{
    private readonly BuilderRules _rule;

    private protected BuilderRuleAnalyzer(BuilderRules rule, DiagnosticDescriptor descriptor)
    {
        _rule = rule;
        SupportedDiagnostics = ImmutableArray.Create(descriptor);
    }

    /// <summary>Every builder rule analyzer, as a host runs them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
        new MissingRequiredAnalyzer(), new HttpsUrlAnalyzer(), new EnumValueAnalyzer(), new IgnoredSettingAnalyzer(), new DuplicateValueAnalyzer());

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    private bool Checks(BuilderRules rule) => (_rule & rule) != 0;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // The rules come from the builders' own attributes, so no schema is read here: a compilation that cannot
            // see the BoardingDsl runtime has no builder to check.
            if (BuilderCatalog.For(start.Compilation) is not { } catalog)
            {
                return;
            }

            var reported = new ConcurrentDictionary<Location, byte>();
            start.RegisterOperationAction(op => AnalyzeInvocation(op, catalog, reported), OperationKind.Invocation);
        });
    }

    private void AnalyzeInvocation(OperationAnalysisContext context, BuilderCatalog catalog, ConcurrentDictionary<Location, byte> reported)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (catalog.Builder(invocation.TargetMethod.ContainingType) is not { } type)
        {
            return;
        }

        if (invocation.TargetMethod.Name == "Build" && invocation.Arguments.Length == 0 && invocation.Instance is not null)
        {
            if (Checks(BuilderRules.MissingRequired | BuilderRules.IgnoredWithoutSibling) && catalog.FlowAt(invocation) is { } state)
            {
                if (Checks(BuilderRules.MissingRequired))
                {
                    CheckRequired(context, invocation, state, catalog);
                }

                if (Checks(BuilderRules.IgnoredWithoutSibling))
                {
                    CheckIgnored(context, state, reported);
                }
            }

            return;
        }

        if (!Checks(BuilderRules.NotHttps | BuilderRules.UndocumentedEnumValue | BuilderRules.DuplicateValue))
        {
            return;
        }

        if (type.Member(invocation.TargetMethod.Name) is not { } property)
        {
            return;
        }

        if (property.HttpsPattern is not null && Checks(BuilderRules.NotHttps))
        {
            CheckHttps(context, invocation, property);
        }

        if (Checks(BuilderRules.UndocumentedEnumValue | BuilderRules.DuplicateValue) && catalog.Enum(property.ElementType) is { } enumType)
        {
            CheckEnumValues(context, invocation, property, enumType);
        }
    }

    private static void CheckRequired(OperationAnalysisContext context, IInvocationOperation build, BuilderState state, BuilderCatalog catalog)
    {
        var missing = new List<(string Path, string Method)>();
        Collect(state, "$", Array.Empty<string>(), missing);
        if (missing.Count == 0)
        {
            return;
        }

        var topLevel = state.Type.Members
            .Where(p => p.IsRequired && !state.Calls.ContainsKey(p.JsonName))
            .Select(p => "." + p.Method + "(" + Placeholders.For(p, catalog) + ")");
        var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticIds.MissingCallsProperty, string.Join("\n", topLevel));
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticCatalogue.MissingRequired,
            NameLocation(build),
            properties,
            state.Type.TypeName + " (" + state.Type.SchemaFile + ")",
            string.Join(", ", missing.Select(m => m.Path)),
            string.Join(", ", missing.Select(m => m.Method + "(…)").Distinct())));
    }

    private static void Collect(BuilderState state, string path, IReadOnlyCollection<string> extraRequired, List<(string, string)> missing)
    {
        foreach (var property in state.Type.Members)
        {
            if ((property.IsRequired || extraRequired.Contains(property.JsonName)) && !state.Calls.ContainsKey(property.JsonName))
            {
                missing.Add((path + "." + property.JsonName, property.Method));
            }
        }

        foreach (var calls in state.Calls.Values)
        {
            // With several calls (say, in if/else) any one may be the last: nested checks only for a single call.
            if (calls.Count != 1 || calls[0].Nested is not { } nested)
            {
                continue;
            }

            var property = calls[0].Property;
            for (var i = 0; i < nested.Count; i++)
            {
                if (nested[i] is { } inner)
                {
                    var innerPath = path + "." + property.JsonName + (property.IsArray ? "[" + i + "]" : string.Empty);
                    Collect(inner, innerPath, property.ExtraRequired, missing);
                }
            }
        }
    }

    private static void CheckIgnored(OperationAnalysisContext context, BuilderState state, ConcurrentDictionary<Location, byte> reported)
    {
        foreach (var calls in state.Calls.Values)
        {
            foreach (var call in calls)
            {
                var sibling = call.Property.IgnoredUnlessSet;
                if (sibling is not null && !state.Calls.ContainsKey(sibling))
                {
                    var location = NameLocation(call.Invocation);
                    if (reported.TryAdd(location, 0))
                    {
                        var siblingMethod = state.Type.Members.FirstOrDefault(p => p.JsonName == sibling)?.Method ?? sibling;
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalogue.IgnoredWithoutSibling, location,
                            call.Property.JsonName + " (" + call.Property.Method + ")", sibling + " (" + siblingMethod + ")"));
                    }
                }

                foreach (var inner in call.Nested ?? Array.Empty<BuilderState?>())
                {
                    if (inner is not null)
                    {
                        CheckIgnored(context, inner, reported);
                    }
                }
            }
        }
    }

    private static void CheckHttps(OperationAnalysisContext context, IInvocationOperation invocation, MemberInfo property)
    {
        foreach (var value in ArgumentValues.Of(invocation))
        {
            var text = UrlConstants.ConstantText(value, out var isPrefix);
            if (text is null || UrlConstants.IsAcceptable(text, isPrefix, property.HttpsPattern!))
            {
                continue;
            }

            // A message quotes at most 100 characters of the constant: a 100,000-character URL is still one line.
            var shown = text.Length > 100 ? text.Substring(0, 100) + "…" : text + (isPrefix ? "…" : string.Empty);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalogue.NotHttps, value.Syntax.GetLocation(),
                shown, property.JsonName, "pattern " + property.HttpsPattern));
        }
    }

    private void CheckEnumValues(OperationAnalysisContext context, IInvocationOperation invocation, MemberInfo property, EnumInfo enumType)
    {
        var checksDuplicates = property.WarnOnDuplicates && Checks(BuilderRules.DuplicateValue);
        if (!checksDuplicates && !Checks(BuilderRules.UndocumentedEnumValue))
        {
            return;
        }

        HashSet<string>? seen = null;
        foreach (var value in ArgumentValues.Of(invocation))
        {
            var json = EnumConstant(value, enumType, out var shown);
            if (shown is null)
            {
                continue;
            }

            if (json is null)
            {
                if (Checks(BuilderRules.UndocumentedEnumValue))
                {
                    // Built only for a report: most calls pass documented values.
                    var documented = enumType.Members.Select(m => m.JsonValue).ToList();
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticIds.DocumentedValuesProperty, string.Join("\n", documented));
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalogue.UndocumentedEnumValue, value.Syntax.GetLocation(), properties,
                    shown, enumType.Name + " (" + property.JsonName + ")", string.Join(", ", documented)));
                }
            }
            else if (checksDuplicates && !(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(json))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalogue.DuplicateValue, value.Syntax.GetLocation(), json, property.JsonName));
            }
        }
    }

    /// <summary>The JSON value a constant argument stands for (null: undocumented); <paramref name="shown"/> is null when the value is not constant.</summary>
    private static string? EnumConstant(IOperation value, EnumInfo enumType, out string? shown)
    {
        shown = null;
        var operation = ArgumentValues.Unwrap(value);
        if (!operation.ConstantValue.HasValue)
        {
            return null;
        }

        if (operation.Type?.SpecialType == SpecialType.System_String || operation.ConstantValue.Value is string)
        {
            if (operation.ConstantValue.Value is not string text)
            {
                return null; // null literal: the overload's own null rule applies
            }

            shown = text;
            return enumType.Members.Any(m => m.JsonValue == text) ? text : null;
        }

        if (operation.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumSymbol)
        {
            var number = BuilderCatalog.ToNumber(operation.ConstantValue.Value);
            var member = enumType.MemberFor(number);
            shown = member ?? "(" + enumSymbol.Name + ")" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return member is null ? null : enumType.JsonFor(member);
        }

        return null;
    }

    private static Location NameLocation(IInvocationOperation invocation) =>
        invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
            ? member.Name.GetLocation()
            : invocation.Syntax.GetLocation();
}
