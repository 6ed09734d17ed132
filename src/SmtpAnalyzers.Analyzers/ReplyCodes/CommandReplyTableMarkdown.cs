using System.Text;

namespace SmtpAnalyzers.ReplyCodes;

/// <summary>
/// Renders <see cref="CommandReplyTable"/> as the Markdown section of docs/rules/SMTP003.md (a test keeps the page current).
/// </summary>
public static class CommandReplyTableMarkdown
{
    public const string BeginMarker = "<!-- BEGIN GENERATED: command-reply table from src/SmtpAnalyzers.Analyzers/ReplyCodes/CommandReplyTable.cs -->";

    public const string EndMarker = "<!-- END GENERATED: command-reply table -->";

    public static string Generate()
    {
        var text = new StringBuilder();
        text.Append(BeginMarker).Append('\n');
        text.Append('\n');
        text.Append("### Codes any command may get\n\n");
        text.Append("| Code | Meaning | Source | Verified against the RFC text |\n");
        text.Append("|---|---|---|---|\n");
        foreach (var reply in CommandReplyTable.AnyCommand)
        {
            AppendRow(text, reply);
        }

        text.Append('\n');
        text.Append("Not every command may get them: QUIT gets no 502, 503, 530 or 554; the greeting and the end of data are not commands ");
        text.Append("and get none of 500-503 or 530; 530 follows the exemptions of the policy that sends it (see the sources).\n\n");
        text.Append("### Replies per command\n\n");
        text.Append("| Command | Extension | Valid replies (with the codes any command may get) |\n");
        text.Append("|---|---|---|\n");
        foreach (var command in CommandReplyTable.All)
        {
            text.Append("| ").Append(Escape(command.EnglishName)).Append(" | ")
                .Append(command.Extension == SmtpExtension.None ? "-" : command.Extension.ToString()).Append(" (").Append(command.Rfc).Append(") | ")
                .Append(command.FormatAllowed(SmtpExtension.None)).Append(" |\n");
        }

        foreach (var command in CommandReplyTable.All)
        {
            text.Append("\n#### ").Append(Escape(command.EnglishName)).Append("\n\n");
            text.Append("| Code | Meaning | Source | Verified against the RFC text |\n");
            text.Append("|---|---|---|---|\n");
            foreach (var reply in command.Replies)
            {
                AppendRow(text, reply);
            }
        }

        text.Append('\n').Append(EndMarker).Append('\n');
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, CommandReply reply) =>
        text.Append("| ").Append(reply.Code.ValueText)
            .Append(" | ").Append(Escape(reply.Code.Title))
            .Append(" | ").Append(Escape(reply.Source))
            .Append(" | ").Append(reply.Verified ? "yes" : "no (see below)")
            .Append(" |\n");

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;");
}
