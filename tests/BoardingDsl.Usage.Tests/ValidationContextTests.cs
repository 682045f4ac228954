using System.Linq;
using BoardingDsl.Serialization;
using Xunit;

namespace BoardingDsl.Usage.Tests;

public class ValidationContextTests
{
    [Fact]
    public void Paths_are_right_at_any_depth_and_after_stepping_back_out()
    {
        var context = new ValidationContext();
        for (var i = 0; i < 20; i++)
        {
            context.Enter("m" + i);
            context.EnterIndex(i);
        }

        context.Missing("deep", "WithDeep");
        for (var i = 0; i < 19; i++)
        {
            context.Exit();
            context.Exit();
        }

        context.Invalid("shallow", "enum", "x", "is not documented");

        var ex = Assert.Throws<BoardingDsl.BoardingValidationException>(() => context.ThrowIfAny("T"));
        Assert.Equal("$" + string.Concat(Enumerable.Range(0, 20).Select(i => $".m{i}[{i}]")) + ".deep", ex.Violations[0].Path);
        Assert.Equal("$.m0[0].shallow", ex.Violations[1].Path);
    }

    [Fact]
    public void Nothing_is_thrown_while_nothing_was_found()
    {
        var context = new ValidationContext();
        context.Enter("a");
        context.Exit();

        context.ThrowIfAny("T");

        Assert.False(context.HasErrors);
    }
}
