using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using BoardingDsl.Generator.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace BoardingDsl.Generator.Emit;

/// <summary>
/// Renders the embedded Scriban templates from a <see cref="TypeView"/>. A template is split per concern
/// (<c>Builder</c> includes <c>Builder.Fields</c>, <c>Builder.Setters</c> (one template per kind of member, chosen by
/// the view) and <c>Builder.Validation</c>; <c>Model</c> includes <c>Model.Json</c>); every template, included or not,
/// is parsed once per process.
/// </summary>
internal static class TemplateRenderer
{
    public static readonly string Version = typeof(TemplateRenderer).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    private static readonly ConcurrentDictionary<string, Template> Templates = new(StringComparer.Ordinal);

    /// <summary>The client method of an endpoint type (when the compilation references BoardingDsl.Client).</summary>
    public static (string HintName, string Source) RenderClient(TypeModel type) =>
        (type.Namespace + "." + type.Name + ".Client.g.cs", Render("Client", new TypeView(type, Version)));

    /// <summary>The generated files of one type: (hint name, source).</summary>
    public static (string HintName, string Source)[] Render(TypeModel type)
    {
        var view = new TypeView(type, Version);
        if (type.Kind == TypeKind.Enum)
        {
            return new[] { (type.HintName, Render("Enum", view)) };
        }

        return new[]
        {
            (type.HintName, Render("Model", view)),
            (type.Namespace + "." + type.BuilderName + ".g.cs", Render("Builder", view)),
        };
    }

    private static string Render(string name, TypeView view)
    {
        var template = Templates.GetOrAdd(name, Load);
        var globals = new ScriptObject();
        globals.Import(view, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext
        {
            MemberRenamer = StandardMemberRenamer.Default,
            LoopLimit = int.MaxValue,
            LimitToString = 0, // no 1 MB cut: a schema with 1,000 properties makes a large file, and a cut one does not compile
            RecursiveLimit = 1000,
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
        };
        context.TemplateLoader = EmbeddedTemplates.Instance;
        foreach (var part in TemplateNames)
        {
            // Parsed once, shared by every render (a context would otherwise parse its includes again).
            context.CachedTemplates[part] = Templates.GetOrAdd(part, Load);
        }

        context.PushGlobal(globals);
        var text = template.Render(context);
        return text.Replace("\r\n", "\n");
    }

    private const string ResourcePrefix = "BoardingDsl.Templates.";
    private const string ResourceSuffix = ".scriban";

    /// <summary>Every embedded template, by the name an <c>include</c> gives: read from the assembly, so a new file needs no list.</summary>
    private static readonly string[] TemplateNames = typeof(TemplateRenderer).Assembly.GetManifestResourceNames()
        .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .Select(r => r.Substring(ResourcePrefix.Length, r.Length - ResourcePrefix.Length - ResourceSuffix.Length))
        .ToArray();

    private static string Text(string name)
    {
        var resource = ResourcePrefix + name + ResourceSuffix;
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("Missing embedded template " + resource);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Template Load(string name)
    {
        var template = Template.Parse(Text(name), ResourcePrefix + name + ResourceSuffix);
        if (template.HasErrors)
        {
            throw new InvalidOperationException("Template " + name + " has errors: " + string.Join("; ", template.Messages.Select(m => m.ToString())));
        }

        return template;
    }

    /// <summary>Resolves <c>include 'Name'</c> to the embedded template <c>Name</c> (the path is the name itself).</summary>
    private sealed class EmbeddedTemplates : ITemplateLoader
    {
        public static readonly EmbeddedTemplates Instance = new();

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => Text(templatePath);

        public System.Threading.Tasks.ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new(Text(templatePath));
    }
}
