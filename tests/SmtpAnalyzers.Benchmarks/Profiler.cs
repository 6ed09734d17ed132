using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Benchmarks;

/// <summary>
/// `--profile`: where the time goes, single-threaded, with Stopwatch: the gate's scan of every file and the walk of the files
/// that pass it; building SmtpSemantics, the syntax filter over
/// every numeric literal of the files that pass the SMTP gate, the semantic classification of candidates grouped by the kind
/// of their parent node, and SMTP002's question on strings that start with a reply code; in one walk of those files.
/// </summary>
public static class Profiler
{
    public static void Run(Workload workload, Action<string> log)
    {
        // The first pass pays the JIT of the semantic-model paths; the second is the one to read.
        log("-- first pass (cold) --");
        RunOnce(workload, log, slowest: 0);
        log("-- second pass (warm) --");
        RunOnce(workload, log, slowest: 40);
    }

    private static void RunOnce(Workload workload, Action<string> log, int slowest)
    {
        var slow = new List<(double Ms, string Where)>();
        var compilation = workload.FreshCompilation();
        var bind = Stopwatch.StartNew();
        compilation.GetDiagnostics();
        log($"compile (GetDiagnostics): {bind.Elapsed.TotalMilliseconds:F0} ms");

        var create = Stopwatch.StartNew();
        var smtp = SmtpSemantics.Create(compilation, workload.AnalyzerOptions);
        log($"SmtpSemantics.Create: {create.Elapsed.TotalMilliseconds:F1} ms");

        // What every file costs before any rule runs: the gate (a scan of the text for "smtp" or "lmtp", on texts no earlier
        // pass has scanned), then the walk of the nodes of the files that pass it.
        var gate = Stopwatch.StartNew();
        var gated = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            gated += smtp.IsSmtpFile(tree, default) ? 1 : 0;
        }

        gate.Stop();
        var walk = Stopwatch.StartNew();
        var nodes = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (smtp.IsSmtpFile(tree, default))
            {
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    nodes++;
                }
            }
        }

        walk.Stop();
        log($"gate: {compilation.SyntaxTrees.Count()} files scanned in {gate.Elapsed.TotalMilliseconds:F1} ms, {gated} pass; walk of their {nodes} nodes: {walk.Elapsed.TotalMilliseconds:F1} ms");

        // The rules' walk: only the nodes the marks lead to (WalkMarks), on freshly parsed trees as a build has them.
        var fresh = workload.FreshCompilation();
        fresh.GetDiagnostics();
        var hashes = SmtpAnalyzers.Rules.WalkMarks.HashNames(SmtpAnalyzers.Rules.WalkMarks.RuleMemberNames(smtp));
        var marking = new Stopwatch();
        var marked = Stopwatch.StartNew();
        var reached = 0;
        foreach (var tree in fresh.SyntaxTrees)
        {
            if (!smtp.IsSmtpFile(tree, default))
            {
                continue;
            }

            marking.Start();
            var marks = SmtpAnalyzers.Rules.WalkMarks.Read(tree.GetText(), hashes, default);
            marking.Stop();
            foreach (var node in marks.Nodes(tree.GetRoot()))
            {
                reached++;
            }
        }

        marked.Stop();
        log($"nodes reached from the marks (fresh trees): {reached}; {marked.Elapsed.TotalMilliseconds:F1} ms, of which marking the texts {marking.Elapsed.TotalMilliseconds:F1} ms");

        var literals = 0;
        var candidates = 0;
        var smtpUses = 0;
        var filter = new Stopwatch();
        var byKind = new Dictionary<string, (int Count, TimeSpan Time)>();
        var members = new HashSet<SyntaxNode>();
        var textTime = TimeSpan.Zero;
        var texts = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            // As the analyzer does: files that fail the per-file SMTP gate get no semantic question.
            if (!smtp.IsSmtpFile(tree, default))
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                // Strings: SMTP002's question (IsSmtpText) on strings that start with a reply code.
                if (node is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } stringLiteral
                    && ReplyCodeTable.Find(stringLiteral.Token.ValueText, 0) is not null)
                {
                    texts++;
                    var textWatch = Stopwatch.StartNew();
                    smtp.IsSmtpText(stringLiteral, model, smtp.GetOptions(tree), default);
                    textWatch.Stop();
                    textTime += textWatch.Elapsed;
                    slow.Add((textWatch.Elapsed.TotalMilliseconds, "text: " + Where(stringLiteral)));
                    continue;
                }

                if (!node.IsKind(SyntaxKind.NumericLiteralExpression))
                {
                    continue;
                }

                literals++;
                var literal = (LiteralExpressionSyntax)node;
                filter.Start();
                var text = literal.Token.Text;
                var isCandidate = text.Length == 3 && ReplyCodeTable.Find(text, 0) is not null && !SmtpSemantics.IsInNamedConstantDeclaration(literal);
                filter.Stop();
                if (!isCandidate)
                {
                    continue;
                }

                candidates++;
                if (literal.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax or FieldDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax) is { } member)
                {
                    members.Add(member);
                }

                var kind = Describe(literal);
                var sw = Stopwatch.StartNew();
                var use = smtp.ClassifyCodeUse(literal, model, smtp.GetOptions(tree), default);
                sw.Stop();
                if (use.IsSmtp)
                {
                    smtpUses++;
                }

                slow.Add((sw.Elapsed.TotalMilliseconds, kind + ": " + Where(literal)));
                byKind.TryGetValue(kind, out var entry);
                byKind[kind] = (entry.Count + 1, entry.Time + sw.Elapsed);
            }
        }

        log($"reply-like strings in SMTP files {texts}: IsSmtpText {textTime.TotalMilliseconds:F1} ms");
        log($"in SMTP files: numeric literals {literals}, candidates {candidates} in {members.Count} members, SMTP uses {smtpUses}; syntax filter {filter.Elapsed.TotalMilliseconds:F1} ms");
        foreach (var (kind, (count, time)) in byKind.OrderByDescending(p => p.Value.Time))
        {
            log($"  {kind}: {count} candidates, {time.TotalMilliseconds:F1} ms");
        }

        foreach (var (ms, where) in slow.OrderByDescending(p => p.Ms).Take(slowest))
        {
            log($"  slow {ms:F2} ms  {(where.Length > 140 ? where.Substring(0, 140) : where)}");
        }
    }

    private static string Where(SyntaxNode literal) => (literal.Parent?.Parent?.ToString() ?? literal.ToString()).Replace("\n", " ");

    private static string Describe(SyntaxNode literal)
    {
        var node = literal;
        while (node.Parent is ParenthesizedExpressionSyntax or ConditionalExpressionSyntax or SwitchExpressionArmSyntax or CheckedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            null => "none",
            BinaryExpressionSyntax b => "binary " + b.Kind(),
            ArgumentSyntax { Parent.Parent: { } call } => "argument of " + call.Kind(),
            EqualsValueClauseSyntax { Parent: { } d } => "initializer of " + d.Kind(),
            var p => p.Kind().ToString(),
        };
    }
}
