using System;
using System.Text;

namespace SmtpAnalyzers.Tests.Docs;

/// <summary>
/// Keeps the rule table of docs/configuration.md current: the text between the two markers is made from the descriptors;
/// the rest of the page is written by hand.
/// </summary>
internal static class ConfigurationDocument
{
    public const string RelativePath = "docs/configuration.md";

    public const string BeginMarker = "<!-- rules:begin (generated from the rule descriptors; do not edit) -->";

    public const string EndMarker = "<!-- rules:end -->";

    public static string Build(string page)
    {
        var begin = page.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = page.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException(RelativePath + " needs the lines " + BeginMarker + " and " + EndMarker + ".");
        }

        return page.Substring(0, begin + BeginMarker.Length) + "\n" + RulesTable() + page.Substring(end);
    }

    /// <summary>One row per rule. The README can use the same table with <paramref name="linkFolder"/> "docs/rules/".</summary>
    public static string RulesTable(string linkFolder = "rules/")
    {
        var sb = new StringBuilder();
        sb.Append("| Rule | Title | Default severity | `.editorconfig` value | Code fix |\n");
        sb.Append("|---|---|---|---|---|\n");
        foreach (var rule in RuleCatalog.Rules)
        {
            sb.Append("| [").Append(rule.Id).Append("](").Append(linkFolder).Append(rule.Id).Append(".md) | ")
                .Append(ReplyCodesDocument.Md(rule.Title)).Append(" | ")
                .Append(rule.Descriptor.IsEnabledByDefault ? rule.Descriptor.DefaultSeverity.ToString() : "Disabled").Append(" | `")
                .Append(RuleCatalog.ConfigSeverity(rule.Descriptor)).Append("` | ")
                .Append(rule.HasFix ? "Yes" : "No").Append(" |\n");
        }

        return sb.ToString();
    }
}
