using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Rules;
using SmtpAnalyzers.Smtp;
using SmtpAnalyzers.Tests.Robustness;
using Xunit;

namespace SmtpAnalyzers.Tests.Rules;

/// <summary>
/// The rules see only the nodes the marks of an SMTP file lead to (<see cref="WalkMarks"/>): every node a rule reads must be
/// reached from a mark, or the rule would never see it.
/// </summary>
public class WalkMarksTests
{
    private static readonly WalkMarks.NameFilter Names = WalkMarks.HashNames(new[] { "WriteLine", "AppendLine", "Ok" });

    [Theory]
    [InlineData("x = 250;", "250", true)]
    [InlineData("x = 2500;", "2500", false)]
    [InlineData("x = 25;", "25", false)]
    [InlineData("x = 250.ToString();", "250", true)]
    [InlineData("var s = a;", "a", false)]
    [InlineData("s = \"a\";", "\"a\"", true)]
    [InlineData("c = 'a';", "'a'", true)]
    [InlineData("w.WriteLine(x);", "WriteLine", true)]
    [InlineData("w.WriteLines(x);", "WriteLines", false)]
    [InlineData("w.MyWriteLine(x);", "MyWriteLine", false)]
    [InlineData("w?.WriteLine(x);", "WriteLine", true)]
    [InlineData("w.@WriteLine(x);", "WriteLine", true)]
    [InlineData("r = SmtpStatusCode.Ok;", "Ok", true)]
    [InlineData("r = SmtpStatusCode.OK;", "OK", false)]
    public void Marks_quotes_three_digit_numbers_and_the_names_looked_for(string text, string part, bool marked)
    {
        var marks = WalkMarks.Read(SourceText.From(text), Names, CancellationToken.None);

        var start = text.IndexOf(part, StringComparison.Ordinal);
        Assert.Equal(marked, HasMark(marks, start, start + part.Length));
    }

    [Fact]
    public void The_next_mark_is_found_from_any_position_whatever_the_distance()
    {
        var text = new string(' ', 300) + "250" + new string(' ', 300);
        var marks = WalkMarks.Read(SourceText.From(text), Names, CancellationToken.None);

        for (var start = 0; start < text.Length; start += 7)
        {
            for (var end = start; end <= text.Length; end += 13)
            {
                Assert.Equal(start <= 300 && end > 300, HasMark(marks, start, end));
            }
        }
    }

    [Theory]
    [InlineData("w.Write\\u004Cine(x);", "w.Write\\u004Cine")]
    [InlineData("w.\\u0057riteLine(x);", "w.\\u0057riteLine")]
    [InlineData("w?.WriteL\\U00000069ne(x);", ".WriteL\\U00000069ne")]
    public void A_name_spelled_with_a_Unicode_escape_is_reached(string text, string node)
    {
        // Its hash is not the name's, but the escape is marked: w.Write\u004Cine(x) calls WriteLine.
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
        var marks = WalkMarks.Read(SourceText.From(text), Names, CancellationToken.None);

        Assert.Equal(new[] { node }, marks.Nodes(root).Select(n => n.ToString()));
    }

    [Theory]
    [InlineData('\u00AD')] // soft hyphen
    [InlineData('\u200B')] // zero-width space
    [InlineData('\uFEFF')] // zero-width no-break space
    public void A_name_holding_a_format_character_is_reached(char format)
    {
        // The compiler drops it from a name: Write<soft hyphen>Line calls WriteLine.
        var text = "w.Write" + format + "Line(x);";
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
        var marks = WalkMarks.Read(SourceText.From(text), Names, CancellationToken.None);

        Assert.Equal(new[] { "w.Write" + format + "Line" }, marks.Nodes(root).Select(n => n.ToString()));
        Assert.False(HasMark(WalkMarks.Read(SourceText.From("// Grüße: w.Flush(x);"), Names, CancellationToken.None), 0, 100));
    }

    [Fact]
    public void Marks_are_found_across_the_chunks_of_a_large_text()
    {
        var builder = new StringBuilder(new string(' ', 20000));
        var positions = new List<int>();
        for (var boundary = 1024; boundary < 19000; boundary += 1024)
        {
            // A name, a number and a quote that each straddle a possible chunk boundary.
            builder.Remove(boundary - 4, 9).Insert(boundary - 4, "WriteLine");
            positions.Add(boundary - 4);
        }

        var text = builder.ToString() + new string(' ', 30000);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var large = SourceText.From(stream, Encoding.UTF8);
        Assert.Equal("LargeText", large.GetType().Name);

        var marks = WalkMarks.Read(large, Names, CancellationToken.None);
        foreach (var position in positions)
        {
            Assert.True(HasMark(marks, position, position + 9), $"WriteLine at {position}");
            Assert.False(HasMark(marks, position + 1, position + 9), $"only its start is marked, at {position}");
        }
    }

    public static TheoryData<string> SourceSets() => new() { "robustness corpus", "sample" };

    [Theory]
    [MemberData(nameof(SourceSets))]
    public void Every_node_a_rule_reads_is_reached_from_a_mark(string set)
    {
        var sources = set == "sample"
            ? Directory.EnumerateFiles(Docs.Repository.PathOf("samples/SmtpSample"), "*.cs").Select(p => (p, File.ReadAllText(p)))
            : RobustnessCorpus.Sources();
        var compilation = AnalyzerHarness.CreateCompilation(sources);
        var smtp = SmtpSemantics.Create(compilation, null);
        var names = WalkMarks.RuleMemberNames(smtp);
        Assert.Contains("StartMailInput", names);
        var hashes = WalkMarks.HashNames(names);

        var read = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var marks = WalkMarks.Read(tree.GetText(), hashes, CancellationToken.None);
            var root = tree.GetRoot();
            var reached = marks.Nodes(root).ToList();
            Assert.Equal(reached.Count, reached.Distinct().Count());
            var reachedSet = new HashSet<SyntaxNode>(reached);
            foreach (var node in root.DescendantNodes())
            {
                if (IsRead(node, names))
                {
                    read++;
                    Assert.True(reachedSet.Contains(node), $"{tree.FilePath}: {node}");
                }
            }
        }

        Assert.True(read > 100, $"only {read} nodes read");
    }

    [Fact]
    public void Marks_lead_to_each_literal_interpolated_string_and_named_member_once()
    {
        var source = @"
class C
{
    // ""250"" in a comment leads to the token after it.
    string a = ""250 OK"", b = $""250 {x.WriteLine} {""221""} done"", c = @""say """"250"""""";
    char d = '\'';
    int e = 250, f = 2500;
    object g = w?.WriteLine, h = SmtpStatusCode.Ok, i = nameof(y.AppendLine);
    byte[] j = ""354""u8.ToArray();
    string k = $""""""
        250 {1}
        """""";
}";
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var marks = WalkMarks.Read(SourceText.From(source), Names, CancellationToken.None);

        var reached = marks.Nodes(root).Select(n => n.Kind() + " " + n).ToList();

        Assert.Equal(
            new[]
            {
                "StringLiteralExpression \"250 OK\"",
                "InterpolatedStringExpression $\"250 {x.WriteLine} {\"221\"} done\"",
                "SimpleMemberAccessExpression x.WriteLine",
                "StringLiteralExpression \"221\"",
                "StringLiteralExpression @\"say \"\"250\"\"\"",
                "CharacterLiteralExpression '\\''",
                "NumericLiteralExpression 250",
                "MemberBindingExpression .WriteLine",
                "SimpleMemberAccessExpression SmtpStatusCode.Ok",
                "SimpleMemberAccessExpression y.AppendLine",
                "Utf8StringLiteralExpression \"354\"u8",
                "InterpolatedStringExpression " + root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>().Last(),
            },
            reached);
    }

    /// <summary>True when a mark lies in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    private static bool HasMark(WalkMarks marks, int start, int end) => marks.Next(start) is var next && next >= 0 && next < end;

    /// <summary>The nodes <see cref="SmtpRuleAnalyzer"/>'s walk hands to a rule that reads them.</summary>
    private static bool IsRead(SyntaxNode node, List<string> memberNames) => node switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } number => number.Token.Text.Length == 3,
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression or (int)SyntaxKind.Utf8StringLiteralExpression or (int)SyntaxKind.CharacterLiteralExpression } => true,
        InterpolatedStringExpressionSyntax => true,
        MemberAccessExpressionSyntax access => memberNames.Contains(access.Name.Identifier.ValueText),
        MemberBindingExpressionSyntax binding => memberNames.Contains(binding.Name.Identifier.ValueText),
        _ => false,
    };
}
