using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace BoardingDsl.Package.Tests;

[Collection("consumers")]
public sealed class ConsumerTests(PackedPackage package)
{
    [Theory]
    [InlineData("net10.0")]
    [InlineData("net8.0")]
    public async Task A_console_consumer_builds_without_warnings_and_prints_a_full_order(string framework)
    {
        var dir = Consumers.Write(package, "Console" + framework.Replace(".", string.Empty), framework, Consumers.FullOrderProgram);

        var build = await package.BuildAsync(dir, "-p:EmitCompilerGeneratedFiles=true");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Matches(@"\b0 Warning\(s\)|\bwarn(ing)?s?: 0\b|Build succeeded", build.Output);
        Assert.DoesNotMatch(@"warning (CS|BDSL|CS8784|CS8785|CS9057)", build.Output);

        // Precompiled mode: the shipped types come from BoardingDsl.Models.dll; this project's generator renders nothing.
        Assert.Empty(GeneratedFiles(dir));

        var run = await package.RunAppAsync(dir);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("\"notifyOnStatus\":[\"Completed\",\"Closed\",\"Canceled\",\"Failed\"]", run.Output);
        Assert.Contains("\"cocRegistry\":\"Kvk\"", run.Output);
    }

    [Fact]
    public async Task A_missing_required_field_fails_the_build_with_BDSL0001_at_its_line()
    {
        var dir = Consumers.Write(package, "MissingField", "net10.0", """
            using BoardingDsl;

            var submit = Boarding.SubmitOrder()
                .WithExternalReference("123456")
                .Build();
            Console.WriteLine(submit.ToJson());
            """);

        var build = await package.BuildAsync(dir);

        Assert.NotEqual(0, build.ExitCode);
        Assert.True(Regex.IsMatch(build.Output, @"Program\.cs\(5,6\): error BDSL0001: SubmitOrderRequest"), build.Output);
    }

    [Fact]
    public async Task An_http_notification_url_fails_the_build_with_BDSL0002()
    {
        var dir = Consumers.Write(package, "HttpUrl", "net10.0", """
            using BoardingDsl;

            var info = new StatusNotificationInformationBuilder()
                .WithNotificationUrl("http://api.integrator.nl/orderstatusCCV/")
                .Build();
            """);

        var build = await package.BuildAsync(dir);

        Assert.NotEqual(0, build.ExitCode);
        Assert.True(Regex.IsMatch(build.Output, @"Program\.cs\(4,26\): error BDSL0002"), build.Output);
    }

    [Theory]
    [InlineData("error", false)]
    [InlineData("none", true)]
    public async Task Editorconfig_sets_the_severity_of_BDSL0004(string severity, bool succeeds)
    {
        var dir = Consumers.Write(package, "Severity" + severity, "net10.0", """
            using BoardingDsl;

            var info = new StatusNotificationInformationBuilder().WithNotifyOnStatus(OrderStatus.Completed).Build();
            Console.WriteLine(info.ToJson());
            """);
        File.WriteAllText(Path.Combine(dir, ".editorconfig"), $"root = true\n\n[*.cs]\ndotnet_diagnostic.BDSL0004.severity = {severity}\n");

        var build = await package.BuildAsync(dir);

        Assert.Equal(succeeds, build.ExitCode == 0);
        Assert.Equal(!succeeds, build.Output.Contains("BDSL0004", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_consumer_schema_gets_its_own_builder_and_its_own_analyzer_errors()
    {
        var dir = Consumers.Write(package, "OwnSchema", "net10.0", """
            using Acme.Boarding;

            var ok = Boarding.RegisterDevice().WithSerial("X1").WithCallbackUrl("https://acme.example/cb").Build();
            Console.WriteLine(ok.ToJson());
            var missing = Boarding.RegisterDevice().WithCallbackUrl("https://acme.example/cb").Build();
            """, "<BoardingDslNamespace>Acme.Boarding</BoardingDslNamespace>");
        File.WriteAllText(Path.Combine(dir, "register-device.schema.json"), """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://acme.example/schemas/register-device.schema.json",
              "title": "RegisterDeviceRequest",
              "description": "Registers a device.",
              "x-boarding-endpoint": { "operation": "RegisterDevice", "role": "request", "method": "POST", "path": "/devices", "responses": { "200": "OK" } },
              "type": "object",
              "additionalProperties": false,
              "required": ["serial"],
              "properties": {
                "serial": { "type": "string", "description": "The serial number." },
                "callbackUrl": { "type": "string", "format": "uri", "pattern": "^https://", "description": "Where to call back." }
              }
            }
            """);

        var build = await package.BuildAsync(dir);

        Assert.NotEqual(0, build.ExitCode);
        Assert.True(Regex.IsMatch(build.Output, @"Program\.cs\(5,84\): error BDSL0001: RegisterDeviceRequest \(register-device\.schema\.json\).*\$\.serial"), build.Output);
        Assert.False(build.Output.Contains("error CS", System.StringComparison.Ordinal), build.Output);
    }

    [Fact]
    public async Task A_consumer_schema_with_a_shipped_id_in_precompiled_mode_is_BDSL1020_naming_the_property()
    {
        var shipped = File.ReadAllText(Path.Combine(PackedPackage.RepoRoot, "schemas", "order-status-response.schema.json"));
        var dir = Consumers.Write(package, "OverridePrecompiled", "net10.0", "Console.WriteLine();");
        File.WriteAllText(Path.Combine(dir, "order-status-response.schema.json"), shipped);

        var build = await package.BuildAsync(dir);

        Assert.NotEqual(0, build.ExitCode);
        Assert.True(Regex.IsMatch(build.Output, @"order-status-response\.schema\.json\(1,1\): error BDSL1020: .*<BoardingDslPrecompiledModels>false</BoardingDslPrecompiledModels>"), build.Output);
        Assert.DoesNotContain("error CS", build.Output);
    }

    [Fact]
    public async Task A_consumer_schema_with_a_shipped_id_replaces_the_shipped_one()
    {
        var shipped = File.ReadAllText(Path.Combine(PackedPackage.RepoRoot, "schemas", "order-status-response.schema.json"));
        var overridden = shipped.Replace("\"properties\": {", "\"properties\": {\n    \"partnerNote\": { \"type\": \"string\", \"description\": \"Added by the override.\" },", System.StringComparison.Ordinal);
        var dir = Consumers.Write(package, "Override", "net10.0", """
            using BoardingDsl;

            var status = new OrderStatusResponseBuilder().WithOrderStatus(OrderStatus.New).WithPartnerNote("mine").Build();
            Console.WriteLine(status.ToJson());
            Console.WriteLine(typeof(OrderStatusResponse).Assembly.GetName().Name);
            Console.WriteLine(AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "BoardingDsl.Models") ? "models loaded" : "no models");
            """, "<BoardingDslPrecompiledModels>false</BoardingDslPrecompiledModels>");
        File.WriteAllText(Path.Combine(dir, "order-status-response.schema.json"), overridden);

        var build = await package.BuildAsync(dir);
        Assert.True(build.ExitCode == 0, build.Output);
        var run = await package.RunAppAsync(dir);
        Assert.Contains("{\"partnerNote\":\"mine\",\"orderStatus\":\"New\"}", run.Output);

        // Source mode: every shipped type is this project's own, and the precompiled assembly is neither referenced nor copied.
        Assert.Contains("Override\n", run.Output.Replace("\r\n", "\n"));
        Assert.Contains("no models", run.Output);
        Assert.False(File.Exists(Path.Combine(dir, "bin", "Debug", "net10.0", "BoardingDsl.Models.dll")));
    }

    [Fact]
    public async Task Dropping_the_shipped_schemas_leaves_no_builders()
    {
        var dir = Consumers.Write(package, "NoDefaults", "net10.0", """
            Console.WriteLine(typeof(BoardingDsl.BoardingValidationException).Name);
            Console.WriteLine(Type.GetType("BoardingDsl.Order") is null ? "no Order" : "Order");
            """, "<BoardingDslIncludeDefaultSchemas>false</BoardingDslIncludeDefaultSchemas>");

        var build = await package.BuildAsync(dir);
        Assert.True(build.ExitCode == 0, build.Output);
        var run = await package.RunAppAsync(dir);
        Assert.Contains("no Order", run.Output);
        Assert.False(File.Exists(Path.Combine(dir, "bin", "Debug", "net10.0", "BoardingDsl.Models.dll")));
    }

    [Fact]
    public async Task An_app_that_misuses_a_referenced_librarys_own_builder_fails_with_BDSL0001()
    {
        var lib = package.NewConsumer("PartnerLib");
        File.WriteAllText(Path.Combine(lib, "PartnerLib.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <BoardingDslNamespace>Partner.Boarding</BoardingDslNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="BoardingDsl" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(lib, "register-device.schema.json"), """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://partner.example/schemas/register-device.schema.json",
              "title": "RegisterDeviceRequest",
              "x-boarding-endpoint": { "operation": "RegisterDevice", "role": "request", "method": "POST", "path": "/devices", "responses": { "200": "OK" } },
              "type": "object",
              "additionalProperties": false,
              "required": ["serial"],
              "properties": { "serial": { "type": "string", "description": "The serial number." } }
            }
            """);
        var app = Consumers.Write(package, "AppOfPartnerLib", "net10.0", """
            var missing = Partner.Boarding.Boarding.RegisterDevice().Build();
            Console.WriteLine(missing.ToJson());
            """, extraItems: "<ProjectReference Include=\"../PartnerLib/PartnerLib.csproj\" />");

        var build = await package.BuildAsync(app);

        Assert.NotEqual(0, build.ExitCode);
        Assert.True(Regex.IsMatch(build.Output, @"Program\.cs\(1,58\): error BDSL0001: RegisterDeviceRequest \(register-device\.schema\.json\).*\$\.serial"), build.Output);
        Assert.DoesNotContain("error CS", build.Output);
    }

    private static string[] GeneratedFiles(string dir) =>
        Directory.Exists(Path.Combine(dir, "obj"))
            ? Directory.GetFiles(Path.Combine(dir, "obj"), "*.g.cs", SearchOption.AllDirectories).Where(f => f.Contains("BoardingDsl.Generator", System.StringComparison.Ordinal)).ToArray()
            : [];

    [Fact]
    public async Task A_bad_option_value_is_a_diagnostic()
    {
        var dir = Consumers.Write(package, "BadOption", "net10.0", "Console.WriteLine();", "<BoardingDslAccessibility>protected</BoardingDslAccessibility>");

        var build = await package.BuildAsync(dir);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error BDSL1017: The MSBuild property BoardingDslAccessibility has the value 'protected'", build.Output);
    }

    [Fact]
    public async Task A_library_that_uses_BoardingDsl_works_in_an_app_that_does_not()
    {
        var lib = package.NewConsumer("Lib");
        File.WriteAllText(Path.Combine(lib, "Lib.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="BoardingDsl" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(lib, "Orders.cs"), """
            namespace Lib;

            public static class Orders
            {
                public static BoardingDsl.OrderStatusResponse Status() =>
                    new BoardingDsl.OrderStatusResponseBuilder().WithOrderStatus(BoardingDsl.OrderStatus.Completed).WithExternalReference("lib").Build();
            }
            """);
        var app = package.NewConsumer("AppOfLib");
        File.WriteAllText(Path.Combine(app, "AppOfLib.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Lib/Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            var status = Lib.Orders.Status();
            System.Console.WriteLine(status.ToJson() + " " + BoardingDsl.OrderStatusResponse.FromJson(status.ToJson()).OrderStatus);
            """);

        var build = await package.BuildAsync(app);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("CS0436", build.Output);
        var run = await package.RunAppAsync(app);
        Assert.Contains("{\"orderStatus\":\"Completed\",\"externalReference\":\"lib\"} Completed", run.Output);
    }
}
