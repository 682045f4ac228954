using System.IO;

namespace BoardingDsl.Package.Tests;

/// <summary>Writes consumer projects that reference the packed BoardingDsl.</summary>
internal static class Consumers
{
    public const string FullOrderProgram = """
        using BoardingDsl;

        var order = new OrderBuilder()
            .WithOrderDate(DateTimeOffset.Parse("2021-02-23T14:34:37.528+00:00", System.Globalization.CultureInfo.InvariantCulture))
            .WithCartUrl("http://myccv-local:8008/merchant/")
            .WithStoreUrl("http://myccv-local:8008/merchant/")
            .WithStatusUrl("http://myccv-local:8008/merchant/")
            .WithStoreInformation(s => s.WithCocNumber("12345678").WithCocRegistry(CocRegistry.Kvk).WithStoreAddress(a => a.WithCountry("NL")))
            .Build();
        var submit = Boarding.SubmitOrder()
            .WithNotifyCustomerByEmail(true)
            .WithExternalReference("123456")
            .WithStatusNotificationInformation(n => n
                .WithNotificationUrl("https://api.integrator.nl/orderstatusCCV/")
                .WithNotifyOnStatus(OrderStatus.Completed, OrderStatus.Closed, OrderStatus.Canceled, OrderStatus.Failed))
            .WithOrder(order)
            .Build();
        Console.WriteLine(submit.ToJson());
        """;

    public static string Write(PackedPackage package, string name, string targetFramework, string program, string extraProperties = "", string extraItems = "")
    {
        var dir = package.NewConsumer(name);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <RollForward>Major</RollForward>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="BoardingDsl" Version="{package.Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
        return dir;
    }
}
