using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmtpAnalyzers.CorpusRunner;

/// <summary>SARIF 2.1.0 for code-scanning tools: one run, the rules, one result per diagnostic.</summary>
internal static class Sarif
{
    public static string Write(Report report, Components components)
    {
        var rules = new JsonArray();
        foreach (var descriptor in components.Descriptors)
        {
            rules.Add(new JsonObject
            {
                ["id"] = descriptor.Id,
                ["name"] = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["shortDescription"] = new JsonObject { ["text"] = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["helpUri"] = descriptor.HelpLinkUri,
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(descriptor.DefaultSeverity.ToString()) },
            });
        }

        var results = new JsonArray();
        foreach (var d in report.Diagnostics)
        {
            results.Add(new JsonObject
            {
                ["ruleId"] = d.Id,
                ["level"] = Level(d.Severity),
                ["message"] = new JsonObject { ["text"] = d.Message },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = d.File.Replace('\\', '/'), ["uriBaseId"] = "SRCROOT" },
                        ["region"] = new JsonObject
                        {
                            ["startLine"] = d.Line,
                            ["startColumn"] = d.Column,
                            ["endLine"] = d.EndLine,
                            ["endColumn"] = d.EndColumn,
                        },
                    },
                }),
            });
        }

        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "SmtpAnalyzers",
                        ["rules"] = rules,
                    },
                },
                ["originalUriBaseIds"] = new JsonObject { ["SRCROOT"] = new JsonObject { ["uri"] = new Uri(report.Folder.TrimEnd('/') + "/").AbsoluteUri } },
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = report.AnalyzerExceptions.Count == 0,
                }),
                ["results"] = results,
            }),
        };

        return sarif.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Level(string severity) => severity switch
    {
        "Error" => "error",
        "Warning" => "warning",
        "Info" => "note",
        _ => "none",
    };
}
