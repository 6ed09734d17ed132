using System;
using System.IO;
using SmtpAnalyzers.ReplyCodes;
using Xunit;

namespace SmtpAnalyzers.Tests.Rules;

public class SMTP003DocumentationTests
{
    /// <summary>docs/rules/SMTP003.md shows the table the analyzer uses. Set SMTP_UPDATE_DOCS=1 to rewrite the section.</summary>
    [Fact]
    public void Doc_page_table_is_generated_from_the_code_table()
    {
        var path = Path.Combine(FindRepositoryRoot(), "docs", "rules", "SMTP003.md");
        var page = File.ReadAllText(path).Replace("\r\n", "\n");
        var begin = page.IndexOf(CommandReplyTableMarkdown.BeginMarker, StringComparison.Ordinal);
        var end = page.IndexOf(CommandReplyTableMarkdown.EndMarker, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/rules/SMTP003.md lacks the generated-table markers");
        var current = page.Substring(begin, end + CommandReplyTableMarkdown.EndMarker.Length + 1 - begin);
        var expected = CommandReplyTableMarkdown.Generate();
        if (current != expected && Environment.GetEnvironmentVariable("SMTP_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, page.Substring(0, begin) + expected + page.Substring(begin + current.Length));
            return;
        }

        Assert.Equal(expected, current);
    }

    [Fact]
    public void Every_verb_is_found_by_its_wire_spelling()
    {
        foreach (var command in CommandReplyTable.All)
        {
            if (command.Verb.Length == 4 || command.Verb == "STARTTLS")
            {
                Assert.Same(command, CommandReplyTable.FindVerb(command.Verb, 0, command.Verb.Length));
                Assert.Same(command, CommandReplyTable.FindVerb(command.Verb.ToLowerInvariant(), 0, command.Verb.Length));
            }
        }

        Assert.Null(CommandReplyTable.FindVerb("XFOO", 0, 4));
        Assert.Null(CommandReplyTable.FindVerb("TURN", 0, 4));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "docs")) && Directory.Exists(Path.Combine(directory.FullName, "src")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found");
    }
}

public class SMTP003MessageTests
{
    [Fact]
    public void Message_is_localized_with_the_table_titles()
    {
        var code = ReplyCodeTable.Find(354)!;
        var diagnostic = Microsoft.CodeAnalysis.Diagnostic.Create(
            Descriptors.SMTP003ReplyCodeContext,
            Microsoft.CodeAnalysis.Location.None,
            code.ValueText,
            code.LocalizedTitle,
            "RCPT",
            "RFC 5321 section 4.3.2",
            "250, 251");
        Assert.Equal(
            "Reply code 354 (Start mail input) is not a valid reply to RCPT; RFC 5321 section 4.3.2 allows 250, 251",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            "Der Antwortcode 354 (Beginn der Nachrichteneingabe) ist keine gültige Antwort auf RCPT; RFC 5321 section 4.3.2 erlaubt 250, 251",
            diagnostic.GetMessage(new System.Globalization.CultureInfo("de-DE")));
    }
}
