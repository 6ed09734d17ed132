using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Smtp;
using Xunit;

namespace SmtpAnalyzers.Tests.Smtp;

/// <summary>The per-file gate's text scan: the same answer as a plain case-insensitive search, at every position and chunk boundary.</summary>
public class SmtpFileGateScanTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("smtp", true)]
    [InlineData("SMTP", true)]
    [InlineData("LmTp", true)]
    [InlineData("class SmtpSession { }", true)]
    [InlineData("using System.Net.Mail;", false)]
    [InlineData("smt", false)]
    [InlineData("mtp", false)]
    [InlineData("s mtp", false)]
    [InlineData("mmtp smmtp", false)]
    [InlineData("m", false)]
    [InlineData("xsmtpx", true)]
    [InlineData("Ѕmtp", false)] // a Cyrillic S is not an s
    public void Finds_smtp_or_lmtp_in_any_case(string text, bool expected) =>
        Assert.Equal(expected, SmtpSemantics.MentionsSmtp(SourceText.From(text)));

    [Fact]
    public void Agrees_with_a_plain_search_at_every_position_around_the_chunk_boundaries()
    {
        foreach (var word in new[] { "smtp", "LMTP", "sMtP" })
        {
            foreach (var length in new[] { 4095, 4096, 4097, 4099, 8192, 8195, 12300 })
            {
                for (var position = 0; position + word.Length <= length; position += position is > 40 and < 4080 or > 4110 and < 8170 or > 8210 and < 12280 ? 97 : 1)
                {
                    var builder = new StringBuilder(new string('m', length));
                    for (var i = 0; i < length; i += 7)
                    {
                        builder[i] = 's';
                    }

                    builder.Remove(position, word.Length).Insert(position, word);
                    var text = builder.ToString();
                    var expected = text.IndexOf("smtp", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("lmtp", StringComparison.OrdinalIgnoreCase) >= 0;
                    Assert.True(expected);
                    Assert.True(SmtpSemantics.MentionsSmtp(SourceText.From(text)), $"{word} at {position} of {length}");
                    Assert.False(SmtpSemantics.MentionsSmtp(SourceText.From(text.Replace(word, "s" + word.Substring(2)))), $"no word at {position} of {length}");
                }
            }
        }
    }
}
