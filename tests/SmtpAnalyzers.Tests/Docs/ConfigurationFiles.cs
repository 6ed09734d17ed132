using System.Collections.Immutable;
using System.Text;

namespace SmtpAnalyzers.Tests.Docs;

/// <summary>
/// Makes the global config files shipped in the package (src/SmtpAnalyzers.Analyzers/Configuration/*.globalconfig) from the
/// rule descriptors, so a new rule lands in every mode without anyone editing them.
/// </summary>
internal static class ConfigurationFiles
{
    public const string Folder = "src/SmtpAnalyzers.Analyzers/Configuration/";

    public const string PropsPath = Folder + "SmtpAnalyzers.Configuration.props";

    /// <summary>Below the user's own global configs (level 100) and level with the .NET SDK's analysis-level files.</summary>
    public const int GlobalLevel = -100;

    public static ImmutableArray<Mode> Modes { get; } = ImmutableArray.Create(
        new Mode("Default", "every rule at its default severity. Severities equal to the default are not written, so that your category-wide and "
            + "analyzer-wide settings (dotnet_analyzer_diagnostic.*) keep working; the defaults are listed as comments", severity: null),
        new Mode("Strict", "every rule is an error", severity: "error"),
        new Mode("None", "every rule is off; the generated SmtpReplyCode constants stay", severity: "none"));

    public static string PathOf(Mode mode) => Folder + "SmtpAnalyzers." + mode.Name + ".globalconfig";

    public static string Build(Mode mode)
    {
        var sb = new StringBuilder();
        sb.Append("# SmtpAnalyzers, SmtpAnalyzersMode=").Append(mode.Name).Append(": ").Append(mode.Description).Append(".\n");
        sb.Append("# Generated from the rule descriptors by tests/SmtpAnalyzers.Tests/Docs/ConfigurationFiles.cs; do not edit.\n");
        sb.Append("# A severity set for a rule in your .editorconfig, or in a .globalconfig of your own, wins over this file.\n");
        sb.Append("is_global = true\n");
        sb.Append("global_level = ").Append(GlobalLevel.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var rule in RuleCatalog.Rules)
        {
            sb.Append('\n');
            sb.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append('\n');
            if (mode.Severity is null)
            {
                sb.Append("# dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(RuleCatalog.ConfigSeverity(rule.Descriptor)).Append('\n');
            }
            else
            {
                sb.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(mode.Severity).Append('\n');
            }
        }

        return sb.ToString();
    }

    internal sealed class Mode
    {
        public Mode(string name, string description, string? severity)
        {
            Name = name;
            Description = description;
            Severity = severity;
        }

        public string Name { get; }

        public string Description { get; }

        /// <summary>The severity every rule gets; null for the default mode, which sets none.</summary>
        public string? Severity { get; }

        public override string ToString() => Name;
    }
}
