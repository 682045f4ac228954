using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace BoardingDsl.Package.Tests;

public sealed class PackageContentTests(PackedPackage package)
{
    private static readonly string[] Bundled =
    [
        "Scriban.Signed.dll", "System.Text.Json.dll", "System.Text.Encodings.Web.dll", "System.IO.Pipelines.dll",
        "Microsoft.Bcl.AsyncInterfaces.dll", "System.Buffers.dll", "System.Memory.dll", "System.Numerics.Vectors.dll",
        "System.Runtime.CompilerServices.Unsafe.dll", "System.Threading.Tasks.Extensions.dll", "Microsoft.CSharp.dll",
    ];

    [Fact]
    public void The_package_holds_exactly_what_a_consumer_needs()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var files = zip.Entries.Select(e => e.FullName).Where(f => !f.StartsWith("package/", StringComparison.Ordinal) && !f.StartsWith("_rels/", StringComparison.Ordinal) && f != "[Content_Types].xml").ToList();

        Assert.Equal(
            new[] { "lib/net8.0/BoardingDsl.Models.dll", "lib/net8.0/BoardingDsl.Models.xml", "lib/net8.0/BoardingDsl.Runtime.dll", "lib/net8.0/BoardingDsl.Runtime.xml" },
            files.Where(f => f.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(
            Bundled.Concat(["BoardingDsl.Generator.dll", "BoardingDsl.CodeFixes.dll"]).Select(f => "analyzers/dotnet/cs/" + f).Order(StringComparer.Ordinal),
            files.Where(f => f.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("README.md", files);
        Assert.Contains("buildTransitive/BoardingDsl.props", files);
        Assert.Contains("buildTransitive/BoardingDsl.targets", files);
        Assert.Contains("build/BoardingDsl.targets", files);
        var schemas = Directory.GetFiles(Path.Combine(PackedPackage.RepoRoot, "schemas"), "*.schema.json").Select(p => "schemas/" + Path.GetFileName(p));
        Assert.Equal(schemas.Order(StringComparer.Ordinal), files.Where(f => f.StartsWith("schemas/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_bundled_dll_has_its_licence()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var licences = zip.Entries.Where(e => e.FullName.StartsWith("licenses/", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd())
            .ToList();

        Assert.All(Bundled, dll => Assert.Contains(licences, text => text.Contains(dll, StringComparison.Ordinal)));
        Assert.Contains(licences, text => text.Contains("BSD 2-Clause", StringComparison.Ordinal));
        Assert.Contains(licences, text => text.Contains("The MIT License", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("BoardingDsl.Generator.dll")]
    [InlineData("BoardingDsl.CodeFixes.dll")]
    public void The_analyzers_reference_Roslyn_4_8_at_most(string dll)
    {
        // No older compiler is installed here to show CS9057 cannot happen, so the metadata is checked instead.
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var stream = new MemoryStream();
        zip.GetEntry("analyzers/dotnet/cs/" + dll)!.Open().CopyTo(stream);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var roslyn = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h))
            .Where(r => reader.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 8, 0, 0), $"{reader.GetString(r.Name)} {r.Version}"));
    }

    [Fact]
    public void The_package_is_not_a_development_dependency_so_the_runtime_flows_to_the_app()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var nuspec = new StreamReader(zip.GetEntry("BoardingDsl.nuspec")!.Open()).ReadToEnd();

        Assert.DoesNotContain("developmentDependency", nuspec, StringComparison.Ordinal);
        Assert.Contains($"<version>{package.Version}</version>", nuspec, StringComparison.Ordinal);
    }
}
