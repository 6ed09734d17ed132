using System;
using System.IO;
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

    [Theory]
    [InlineData("xxsmtpxx")]
    [InlineData("LMTP")]
    [InlineData("a SmTp b")]
    [InlineData("smmtp lmt p")]
    [InlineData("mtp")]
    [InlineData("ssmtp")]
    [InlineData("s")]
    public void Finds_a_word_split_across_pieces_of_any_size(string text)
    {
        var expected = text.IndexOf("smtp", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("lmtp", StringComparison.OrdinalIgnoreCase) >= 0;
        var scanner = new SmtpMentionScanner();
        foreach (var sizes in new[] { new[] { 1 }, new[] { 2 }, new[] { 3 }, new[] { 4 }, new[] { 1, 2 }, new[] { 2, 1 }, new[] { 3, 1 }, new[] { 1, 3 }, new[] { 5, 1, 1 } })
        {
            foreach (var kind in new[] { "string", "array", "char" })
            {
                scanner.Reset();
                var position = 0;
                for (var piece = 0; position < text.Length; piece++)
                {
                    var size = Math.Min(sizes[piece % sizes.Length], text.Length - position);
                    switch (kind)
                    {
                        case "string":
                            scanner.Write(text.Substring(position, size));
                            break;
                        case "array":
                            // Offset in a larger buffer, as a chunked text hands over its pieces.
                            var buffer = ("##" + text.Substring(position, size) + "##").ToCharArray();
                            scanner.Write(buffer, 2, size);
                            break;
                        default:
                            for (var i = 0; i < size; i++)
                            {
                                scanner.Write(text[position + i]);
                            }

                            break;
                    }

                    position += size;
                }

                Assert.True(expected == scanner.Found, $"{text}: pieces of {string.Join(",", sizes)} as {kind}");
            }
        }
    }

    [Fact]
    public void Finds_the_word_at_every_chunk_seam_of_a_large_text_read_from_a_stream()
    {
        // A file of more than 40K characters, read as the compiler reads files, is held in chunks (not one string).
        const int Length = 100_000;
        var positions = new System.Collections.Generic.List<int> { 0, Length - 4 };
        for (var seam = 1024; seam < Length; seam += 1024)
        {
            for (var offset = -4; offset <= 1; offset++)
            {
                positions.Add(seam + offset);
            }
        }

        foreach (var position in positions)
        {
            var builder = new StringBuilder(new string('m', Length));
            for (var i = 0; i < Length; i += 5)
            {
                builder[i] = 's';
            }

            builder.Remove(position, 4).Insert(position, "sMtP");
            var withWord = FromStream(builder.ToString());
            Assert.Equal("LargeText", withWord.GetType().Name);
            Assert.True(SmtpSemantics.MentionsSmtp(withWord), $"word at {position}");
            Assert.False(SmtpSemantics.MentionsSmtp(FromStream(builder.Remove(position + 1, 1).Insert(position + 1, "x").ToString())), $"no word at {position}");
        }
    }

    private static SourceText FromStream(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return SourceText.From(stream, Encoding.UTF8);
    }
}
