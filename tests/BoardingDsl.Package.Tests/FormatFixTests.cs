using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace BoardingDsl.Package.Tests;

/// <summary>
/// Every code fix of the packed package applies through <c>dotnet format analyzers</c> with all four fixable IDs in
/// one run, every time (it once fixed a different subset on each run: one analyzer reported all five rules, and
/// <c>dotnet format</c> took the Fix All key from whichever diagnostic came first).
/// </summary>
[Collection("consumers")]
public sealed class FormatFixTests(PackedPackage package)
{
    private const string Broken = """
        using BoardingDsl;

        var first = Boarding.SubmitOrder()
            .WithExternalReference("1")
            .WithStatusNotificationInformation(n => n
                .WithNotificationUrl("http://api.integrator.nl/one")
                .WithNotifyOnStatus("Cancelled", "completed", "Failed", "Failed"))
            .Build();
        var second = Boarding.SubmitOrder()
            .WithExternalReference("2")
            .WithNotifyCustomerByEmail(true)
            .WithStatusNotificationInformation(n => n
                .WithNotificationUrl("HTTP://api.integrator.nl/two")
                .WithNotifyOnStatus(OrderStatus.New, OrderStatus.New, OrderStatus.Closed, OrderStatus.Closed))
            .Build();
        Console.WriteLine(first.ToJson() + second.ToJson());
        """;

    [Fact]
    public async Task Dotnet_format_applies_all_four_fixes_in_one_run_every_time()
    {
        for (var run = 1; run <= 3; run++)
        {
            // A new copy each time: the same file, the same command, the same result.
            var dir = Consumers.Write(package, "FormatAll" + run, "net10.0", Broken, "<TreatWarningsAsErrors>false</TreatWarningsAsErrors>");
            var before = await package.BuildAsync(dir);
            Assert.Matches(@"error BDSL0001", before.Output);
            Assert.Matches(@"error BDSL0002", before.Output);
            Assert.Matches(@"error BDSL0003", before.Output);
            Assert.Matches(@"warning BDSL0005", before.Output);

            var format = await package.RunAsync("dotnet", "format analyzers --diagnostics BDSL0001 BDSL0002 BDSL0003 BDSL0005 --severity info --no-restore", dir);
            Assert.True(format.ExitCode == 0, format.Output);
            Assert.DoesNotContain("didn't return a Fix All action", format.Output);

            var text = File.ReadAllText(Path.Combine(dir, "Program.cs"));
            var after = await package.BuildAsync(dir);
            Assert.True(after.ExitCode == 0, $"run {run}:\n{text}\n{after.Output}");
            Assert.DoesNotMatch(@"(error|warning) BDSL", after.Output);

            // What each fix wrote.
            Assert.Contains(".WithNotificationUrl(\"https://api.integrator.nl/one\")", text);
            Assert.Contains(".WithNotificationUrl(\"https://api.integrator.nl/two\")", text);
            Assert.Contains(".WithNotifyOnStatus(\"Canceled\", \"Completed\", \"Failed\")", text);
            Assert.Contains(".WithNotifyOnStatus(OrderStatus.New, OrderStatus.Closed)", text);
            Assert.Matches(new Regex(@"\n    \.WithNotifyCustomerByEmail\(global::BoardingDsl\.BoardingPlaceholder\.Value<bool>\(\)\)\r?\n    \.WithOrder\(x => x\.WithOrderDate\("), text);

            // The placeholders are the one thing left to do: CS0618 until replaced.
            Assert.Matches(@"Program\.cs\(\d+,\d+\): warning CS0618: 'BoardingPlaceholder\.Value<T>\(\)' is obsolete", after.Output);
        }
    }
}
