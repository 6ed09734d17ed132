using System;
using System.Collections.Generic;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Rules;
using SmtpAnalyzers.Tests.Docs;
using Xunit;

namespace SmtpAnalyzers.Tests;

/// <summary>
/// What every rule must have, checked for every analyzer found by reflection: the help link, the docs page, the release-tracking
/// entry, English and German texts, an exported fixer with Solution-scope Fix All where the rule has a fix, tests, and a README line.
/// </summary>
public class RuleMetadataTests
{
    private static readonly CultureInfo German = new("de-DE");

    public static TheoryData<string> RuleIds() => RuleCatalog.Ids();

    [Fact]
    public void Analyzers_and_descriptors_are_found()
    {
        Assert.NotEmpty(RuleCatalog.AnalyzerTypes);
        Assert.Contains(RuleCatalog.Rules, r => r.Id == RuleIdentifiers.MagicReplyCode);
    }

    [Fact]
    public void Only_the_shipped_SmtpAnalyzer_carries_the_DiagnosticAnalyzer_attribute()
    {
        // The compiler and the IDE load the types with the attribute: a per-rule analyzer with it would report its rule twice.
        Assert.Equal(new[] { typeof(SmtpAnalyzer) }, RuleCatalog.ShippedAnalyzerTypes);
        var attribute = typeof(SmtpAnalyzer).GetCustomAttribute<DiagnosticAnalyzerAttribute>();
        Assert.NotNull(attribute);
        Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);
        Assert.True(typeof(SmtpAnalyzer).IsPublic && typeof(SmtpAnalyzer).IsSealed, "SmtpAnalyzer should be public sealed");
    }

    [Fact]
    public void The_shipped_SmtpAnalyzer_supports_every_rules_descriptors_once()
    {
        var shipped = new SmtpAnalyzer().SupportedDiagnostics;
        var rules = RuleCatalog.Rules.SelectMany(r => r.Descriptors).ToList();
        Assert.Equal(shipped.Length, shipped.Distinct().Count());
        Assert.Equal(rules.Count, shipped.Length);
        Assert.All(rules, d => Assert.Contains(d, shipped));
        Assert.Equal(RuleCatalog.Rules.Select(r => r.Id), shipped.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_analyzer_is_an_SmtpRuleAnalyzer_and_every_per_rule_analyzer_public_sealed_and_named_for_its_rule()
    {
        Assert.All(RuleCatalog.AllAnalyzerTypes, t => Assert.True(t.IsSubclassOf(typeof(SmtpRuleAnalyzer)), t.Name + " should derive from SmtpRuleAnalyzer"));
        foreach (var type in RuleCatalog.AnalyzerTypes)
        {
            Assert.True(type.IsPublic && type.IsSealed, type.Name + " should be public sealed");
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));

            // Named for the (first) rule it reports: SMTP001MagicReplyCodeAnalyzer.
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            Assert.Contains(IdPrefix(type.Name), analyzer.SupportedDiagnostics.Select(d => d.Id));
        }

        // Each rule is run alone by exactly one per-rule analyzer.
        Assert.All(RuleCatalog.Rules, r => Assert.Single(r.Analyzers));
    }

    [Fact]
    public void Every_descriptor_in_Descriptors_is_reported_by_an_analyzer()
    {
        var fields = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DiagnosticDescriptor));
        foreach (var field in fields)
        {
            var descriptor = (DiagnosticDescriptor)field.GetValue(null)!;
            Assert.True(RuleCatalog.Rules.Any(r => r.Descriptors.Contains(descriptor)), "No analyzer supports Descriptors." + field.Name);
            Assert.StartsWith(descriptor.Id, field.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_identifier_has_a_rule_and_every_rule_an_identifier()
    {
        var ids = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && ((string)f.GetRawConstantValue()!).StartsWith("SMTP", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(ids, RuleCatalog.Rules.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Id_category_and_names_follow_the_scheme(string id)
    {
        var rule = RuleCatalog.Get(id);
        Assert.Matches("^SMTP[0-9]{3}$", id);
        Assert.Equal("SMTP", rule.Descriptor.Category);
        Assert.True(rule.Descriptor.IsEnabledByDefault, id + " should be enabled by default");
        Assert.All(rule.Fixers, t => Assert.Contains(IdPrefix(t.Name), ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_is_the_rule_page(string id)
    {
        var descriptor = RuleCatalog.Get(id).Descriptor;
        Assert.Equal(RuleIdentifiers.GetHelpUri(id), descriptor.HelpLinkUri);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_exists_and_starts_with_the_id(string id)
    {
        var rule = RuleCatalog.Get(id);
        Assert.True(Repository.Exists(rule.DocsPath), rule.DocsPath + " is missing");
        var text = Repository.Read(rule.DocsPath);
        Assert.StartsWith("# " + id, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_states_the_default_severity(string id)
    {
        var rule = RuleCatalog.Get(id);
        var text = Repository.Read(rule.DocsPath);
        var severity = rule.Descriptor.DefaultSeverity.ToString();
        Assert.True(
            Regex.IsMatch(text, "^.*[Ss]everity.*\\b" + severity + "\\b.*$", RegexOptions.Multiline),
            rule.DocsPath + " should have a line that gives the severity as " + severity);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_in_release_tracking_with_its_category_and_severity(string id)
    {
        var descriptor = RuleCatalog.Get(id).Descriptor;
        var tracked = ReleaseTracking.Read();
        Assert.True(tracked.TryGetValue(id, out var entry), id + " is in neither AnalyzerReleases.Shipped.md nor AnalyzerReleases.Unshipped.md");
        Assert.Equal(descriptor.Category, entry.Category);
        Assert.Equal(RuleCatalog.ReleaseSeverity(descriptor), entry.Severity);
    }

    [Fact]
    public void Release_tracking_lists_no_rule_that_does_not_exist()
    {
        var known = RuleCatalog.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(ReleaseTracking.Read().Keys, id => Assert.Contains(id, known));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Title_message_and_description_are_in_English_and_German(string id)
    {
        foreach (var descriptor in RuleCatalog.Get(id).Descriptors)
        {
            foreach (var (what, text) in new[] { ("title", descriptor.Title), ("message", descriptor.MessageFormat), ("description", descriptor.Description) })
            {
                var english = text.ToString(CultureInfo.InvariantCulture);
                var german = text.ToString(German);
                Assert.False(string.IsNullOrWhiteSpace(english), id + " has no English " + what);
                Assert.False(string.IsNullOrWhiteSpace(german), id + " has no German " + what);
                Assert.NotEqual(english, german);
                Assert.Equal(Placeholders(english), Placeholders(german));
            }

            Assert.False(descriptor.Title.ToString(CultureInfo.InvariantCulture).EndsWith(".", StringComparison.Ordinal), id + ": titles end without a full stop");
            Assert.False(descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture).EndsWith(".", StringComparison.Ordinal), id + ": messages end without a full stop");
        }
    }

    [Fact]
    public void Every_resource_has_a_German_translation_with_the_same_placeholders()
    {
        var english = ReadResourceSet(Resources.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false));
        var german = ReadResourceSet(Resources.ResourceManager.GetResourceSet(new CultureInfo("de"), createIfNotExists: true, tryParents: false));
        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.OrderBy(k => k, StringComparer.Ordinal), german.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (name, text) in english)
        {
            Assert.NotEqual(text, german[name]);
            Assert.Equal(Placeholders(text), Placeholders(german[name]));
        }
    }

    [Fact]
    public void Every_fixer_is_exported_for_CSharp_shared_and_fixes_all_in_solution()
    {
        Assert.NotEmpty(RuleCatalog.FixerTypes);
        var known = RuleCatalog.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var type in RuleCatalog.FixerTypes)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export is not null, type.Name + " lacks [ExportCodeFixProvider]: the IDE and dotnet format cannot find it");
            Assert.Contains(LanguageNames.CSharp, export!.Languages);
            Assert.False(string.IsNullOrEmpty(export.Name), type.Name + ": [ExportCodeFixProvider] needs a Name");
            Assert.True(type.GetCustomAttribute<SharedAttribute>() is not null, type.Name + " lacks [Shared]");
            Assert.True(type.IsPublic && type.IsSealed, type.Name + " should be public sealed");

            var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, known));
            var fixAll = fixer.GetFixAllProvider();
            Assert.True(fixAll is not null, type.Name + " has no Fix All provider");
            var scopes = fixAll!.GetSupportedFixAllScopes().ToList();
            Assert.Contains(FixAllScope.Document, scopes);
            Assert.Contains(FixAllScope.Project, scopes);
            Assert.Contains(FixAllScope.Solution, scopes);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_with_a_fix_has_it_exported_with_solution_fix_all(string id)
    {
        foreach (var type in RuleCatalog.Get(id).Fixers)
        {
            Assert.NotNull(type.GetCustomAttribute<ExportCodeFixProviderAttribute>());
            var fixAll = ((CodeFixProvider)Activator.CreateInstance(type)!).GetFixAllProvider();
            Assert.NotNull(fixAll);
            Assert.Contains(FixAllScope.Solution, fixAll!.GetSupportedFixAllScopes());
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_test_class(string id)
    {
        // SMTPnnn*Tests, or the tests of the analyzer that reports the rule when one analyzer reports several rules.
        var names = RuleCatalog.Get(id).Analyzers.Select(t => IdPrefix(t.Name)).Append(id).ToHashSet(StringComparer.Ordinal);
        var tests = typeof(RuleMetadataTests).Assembly.GetTypes()
            .Where(t => t.Name.Length > 7 && names.Contains(t.Name.Substring(0, 7)) && t.Name.EndsWith("Tests", StringComparison.Ordinal))
            .ToList();
        Assert.True(tests.Count > 0, "No test class named " + string.Join(" or ", names) + "*Tests");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_says_whether_there_is_a_code_fix(string id)
    {
        var rule = RuleCatalog.Get(id);
        var line = Repository.Read(rule.DocsPath).Split('\n').FirstOrDefault(l => Regex.IsMatch(l, "^\\|\\s*Code fix\\s*\\|"));
        Assert.True(line is not null, rule.DocsPath + " should have a \"| Code fix | Yes/No |\" row");
        Assert.Matches(rule.HasFix ? "^\\|\\s*Code fix\\s*\\|\\s*Yes" : "^\\|\\s*Code fix\\s*\\|\\s*No", line!);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Readme_mentions_the_rule(string id)
    {
        Assert.True(Repository.Exists("README.md"), "README.md is missing");
        Assert.Contains(id, Repository.Read("README.md"), StringComparison.Ordinal);
    }

    /// <summary>"SMTP001" from "SMTP001MagicReplyCodeAnalyzer".</summary>
    private static string IdPrefix(string typeName) => typeName.Length >= 7 ? typeName.Substring(0, 7) : typeName;

    private static List<string> Placeholders(string text) =>
        Regex.Matches(text, "\\{[0-9]+\\}").Select(m => m.Value).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();

    private static Dictionary<string, string> ReadResourceSet(ResourceSet? set)
    {
        Assert.NotNull(set);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in set!)
        {
            result[(string)entry.Key] = (string)entry.Value!;
        }

        return result;
    }

    /// <summary>AnalyzerReleases.Shipped.md then Unshipped.md, replayed: New adds, Changed updates, Removed deletes.</summary>
    private static class ReleaseTracking
    {
        public static Dictionary<string, (string Category, string Severity)> Read()
        {
            var rules = new Dictionary<string, (string Category, string Severity)>(StringComparer.Ordinal);
            foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                var path = "src/SmtpAnalyzers.Analyzers/" + file;
                Assert.True(Repository.Exists(path), path + " is missing");
                var section = string.Empty;
                foreach (var rawLine in Repository.Read(path).Split('\n'))
                {
                    var line = rawLine.Trim();
                    if (line.StartsWith("###", StringComparison.Ordinal))
                    {
                        section = line.TrimStart('#').Trim();
                        continue;
                    }

                    var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                    if (cells.Length < 3 || !Regex.IsMatch(cells[0], "^SMTP[0-9]+$"))
                    {
                        continue;
                    }

                    switch (section)
                    {
                        case "New Rules":
                            Assert.False(rules.ContainsKey(cells[0]), cells[0] + " is listed as new twice");
                            rules[cells[0]] = (cells[1], cells[2]);
                            break;
                        case "Changed Rules":
                            rules[cells[0]] = (cells[1], cells[2]);
                            break;
                        case "Removed Rules":
                            rules.Remove(cells[0]);
                            break;
                    }
                }
            }

            return rules;
        }
    }
}
