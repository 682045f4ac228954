using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace BoardingDsl.Generator.Common;

/// <summary>A place in a schema file, kept as plain data instead of a <see cref="Location"/>.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public TextSpan Span => new(Start, Length);

    public LinePositionSpan LineSpan => new(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn));

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo Create(string filePath, SourceText text, int start, int length)
    {
        if (start < 0)
        {
            start = 0;
        }

        if (start > text.Length)
        {
            start = text.Length;
        }

        if (start + length > text.Length)
        {
            length = text.Length - start;
        }

        var span = new TextSpan(start, length);
        var lines = text.Lines.GetLinePositionSpan(span);
        return new LocationInfo(filePath, start, length, lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }
}
