using System.Linq;
using SmtpAnalyzers.ReplyCodes;
using Xunit;

namespace SmtpAnalyzers.Tests.Docs;

public class ReplyCodesDocTests
{
    [Fact]
    public void Reply_codes_page_is_current()
    {
        Repository.AssertGenerated(ReplyCodesDocument.RelativePath, ReplyCodesDocument.Build());
    }

    [Fact]
    public void Reply_codes_page_has_one_row_per_code_of_the_table()
    {
        var rows = ReplyCodesDocument.Build().Split('\n').Where(l => l.Length > 5 && l[0] == '|' && char.IsDigit(l[2])).ToList();
        Assert.Equal(ReplyCodeTable.All.Select(c => c.ValueText), rows.Select(r => r.Substring(2, 3)));
    }

    public static TheoryData<int> CorrectedCodes()
    {
        var data = new TheoryData<int>();
        foreach (var correction in ReplyCodesDocument.GermanCorrections)
        {
            data.Add(correction.Code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorrectedCodes))]
    public void Seed_german_copy_error_is_corrected_in_the_table(int value)
    {
        var correction = ReplyCodesDocument.GermanCorrections.Single(c => c.Code == value);
        var code = ReplyCodesDocument.Require(value);
        Assert.True(correction.IsCorrected(code), value + ": German text still wrong: " + code.GermanText);
        Assert.NotEqual(correction.SeedText, code.GermanText);
    }

    [Fact]
    public void Codes_without_seed_german_have_german_now()
    {
        foreach (var value in ReplyCodesDocument.NewGerman)
        {
            var code = ReplyCodesDocument.Require(value);
            Assert.False(string.IsNullOrWhiteSpace(code.GermanTitle), value + " has no German title");
            Assert.False(string.IsNullOrWhiteSpace(code.GermanText), value + " has no German text");
        }
    }

    [Fact]
    public void Every_code_has_german_title_and_text_different_from_the_english()
    {
        foreach (var code in ReplyCodeTable.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(code.GermanTitle), code + ": no German title");
            Assert.False(string.IsNullOrWhiteSpace(code.GermanText), code + ": no German text");
            Assert.NotEqual(code.Title, code.GermanTitle);
        }
    }

    [Fact]
    public void Table_cell_escaping_keeps_angle_brackets_and_pipes_visible()
    {
        Assert.Equal("&lt;domain&gt; a \\| b &amp; c", ReplyCodesDocument.Md("<domain> a | b & c"));
    }
}
