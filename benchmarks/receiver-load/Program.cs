using System;
using System.Threading.Tasks;
using BoardingDsl.ReceiverLoad;

// Two roles in one program: the driver (no --instance), and a receiver instance it starts as a child process.
return Arguments.Value(args, "--instance") is { } instance
    ? await ReceiverInstance.RunAsync(instance, args)
    : await Driver.RunAsync(args);

namespace BoardingDsl.ReceiverLoad
{
    internal static class Arguments
    {
        public static string? Value(string[] args, string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        public static int Int(string[] args, string name, int fallback) =>
            Value(args, name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
