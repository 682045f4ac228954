using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace BoardingDsl.Package.Tests;

/// <summary>
/// The companion packages from the feed alone: a service that references only <c>BoardingDsl.AspNetCore</c> gets the
/// client, the builders and the analyzers through it (BoardingDsl.Client depends on the BoardingDsl package with every
/// asset, and there are no BoardingDsl.Runtime or BoardingDsl.Models packages to miss).
/// </summary>
public class CompanionPackageTests(PackedPackage package)
{
    private const string Service = """
        using BoardingDsl;
        using BoardingDsl.AspNetCore;
        using BoardingDsl.Client;
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        services.AddBoardingClient(o => { o.BaseAddress = new Uri("https://boarding.example/"); o.ApiKey = "key"; });
        services.AddBoardingNotifications(
            new BoardingStatusSource<OrderStatusResponse>(
                (c, orderId, ct) => c.GetOrderStatusAsync(orderId, ct),
                status => status.OrderStatus.ToJsonString(),
                status => status.OrderStatus.IsFinal(),
                status => status.ToJson(),
                OrderStatusResponse.FromJson),
            o => o.SqlitePath = Path.Combine(Path.GetTempPath(), "companion-" + Guid.NewGuid().ToString("N") + ".db"));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBoardingClient>();
        var submit = Boarding.SubmitOrder()
            .WithNotifyCustomerByEmail(true)
            .WithOrder(o => o
                .WithOrderDate(DateTimeOffset.UnixEpoch)
                .WithCartUrl("https://shop.example/cart")
                .WithStoreUrl("https://shop.example/")
                .WithStatusUrl("https://shop.example/status")
                .WithStoreInformation(s => s.WithCocNumber("12345678").WithCocRegistry(CocRegistry.Kvk)))
            .Build();
        Func<Task> send = () => client.SubmitOrderAsync(submit);
        Console.WriteLine("client " + client.GetType().Name + "; " + submit.ToJson());
        """;

    [Fact]
    public async Task A_service_with_only_the_receiver_package_gets_the_client_the_builders_and_the_analyzers()
    {
        var dir = package.NewConsumer("CompanionOnly");
        File.WriteAllText(Path.Combine(dir, "CompanionOnly.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="BoardingDsl.AspNetCore" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), Service);

        var build = await package.BuildAsync(dir);
        Assert.True(build.ExitCode == 0, build.Output);
        var run = await package.RunAppAsync(dir);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("\"cocRegistry\":\"Kvk\"", run.Output);

        // The analyzers came with it: a missing required field is BDSL0001 in this project too.
        File.WriteAllText(Path.Combine(dir, "Program.cs"), Service.Replace(".WithNotifyCustomerByEmail(true)\n", string.Empty));
        var broken = await package.BuildAsync(dir);
        Assert.NotEqual(0, broken.ExitCode);
        Assert.True(Regex.IsMatch(broken.Output, @"Program\.cs\(\d+,\d+\): error BDSL0001: SubmitOrderRequest"), broken.Output);
    }

    [Theory]
    [InlineData("BoardingDsl.Client")]
    [InlineData("BoardingDsl.AspNetCore")]
    [InlineData("BoardingDsl.AspNetCore.PostgreSql")]
    public void A_companion_package_has_its_readme_and_symbols_and_depends_only_on_packages_that_exist(string id)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(package.Feed, $"{id}.{package.Version}.nupkg"));
        var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal)).Open()).ReadToEnd();

        Assert.NotNull(zip.GetEntry("README.md"));
        Assert.True(File.Exists(Path.Combine(package.Feed, $"{id}.{package.Version}.snupkg")), $"{id}: no symbols package beside it");
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.DoesNotContain("id=\"BoardingDsl.Runtime\"", nuspec);
        Assert.DoesNotContain("id=\"BoardingDsl.Models\"", nuspec);
        if (id == "BoardingDsl.Client")
        {
            Assert.Matches($"<dependency id=\"BoardingDsl\" version=\"{Regex.Escape(package.Version)}\" include=\"All\" />", nuspec);
        }
    }
}
