using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// Runs a set of rules as one analyzer: one compilation-start action makes one <see cref="SmtpSemantics"/> (and SMTP003's
/// per-compilation state) for all of them, and registers one semantic-model action: per file, the SMTP gate, then, in a file
/// that passes it, one walk that hands each literal and member access to the rules that read it (<see cref="AnalyzeFile"/>).
/// </summary>
/// <remarks>
/// <para>
/// The Roslyn driver pays a cost per callback per analyzer: six analyzers registering the same literal kinds paid it six
/// times. <see cref="SmtpAnalyzer"/> runs every rule and is the only analyzer the package ships (the only one with
/// <see cref="DiagnosticAnalyzerAttribute"/>). The per-rule classes (<see cref="SMTP001MagicReplyCodeAnalyzer"/> and so on) run
/// one rule each, for tests and benchmarks.
/// </para>
/// <para>
/// A rule's logic stays in its own file, <c>Rules/SMTPnnn*Analyzer.cs</c>, as static methods called from here, each for one
/// node of a file that has passed the gate. The questions several rules ask about one node are answered once per node:
/// <see cref="NumericLiteralFacts"/> (SMTP001 and SMTP003) and <see cref="TextFacts"/> (the text rules). A rule whose every
/// diagnostic ID is turned off for the whole compilation does no work (<see cref="WithoutSuppressed"/>).
/// </para>
/// </remarks>
public abstract class SmtpRuleAnalyzer : DiagnosticAnalyzer
{
    private protected SmtpRuleAnalyzer(SmtpRules rules)
    {
        Rules = rules;
        SupportedDiagnostics = GetDescriptors(rules);
    }

    /// <summary>The rules this analyzer runs.</summary>
    internal SmtpRules Rules { get; }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        // Generated files are not analyzed (no Analyze flag: the driver skips them). Diagnostics are not filtered by the driver
        // (ReportDiagnostics): to filter one, the driver walks every token of the file it lies in, looking for "GeneratedCode",
        // which cost 6.4 of 16.6 ms (39%) of all rules' time on the generated benchmark corpus (medians of 20 isolated passes,
        // docs/benchmarks.md). The walk skips generated declarations itself, and reports nothing in #line hidden regions, as
        // the driver would (GeneratedCodeDeclarations).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        var configured = Rules;
        context.RegisterCompilationStartAction(start => Start(start, configured));
    }

    /// <summary>The descriptors of the rules, in rule order.</summary>
    internal static ImmutableArray<DiagnosticDescriptor> GetDescriptors(SmtpRules rules)
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        foreach (var rule in EachRule)
        {
            if ((rules & rule) != 0)
            {
                builder.AddRange(GetRuleDescriptors(rule));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Every rule, one flag each, in ID order.</summary>
    internal static ImmutableArray<SmtpRules> EachRule { get; } = ImmutableArray.Create(
        SmtpRules.SMTP001, SmtpRules.SMTP002, SmtpRules.SMTP003, SmtpRules.SMTP004, SmtpRules.SMTP005, SmtpRules.SMTP007);

    /// <summary>The descriptors one rule reports (one flag).</summary>
    internal static ImmutableArray<DiagnosticDescriptor> GetRuleDescriptors(SmtpRules rule) => rule switch
    {
        SmtpRules.SMTP001 => SMTP001MagicReplyCodeAnalyzer.RuleDescriptors,
        SmtpRules.SMTP002 => SMTP002MagicReplyStringAnalyzer.RuleDescriptors,
        SmtpRules.SMTP003 => SMTP003ReplyCodeContextAnalyzer.RuleDescriptors,
        SmtpRules.SMTP004 => SMTP004EnhancedStatusCodeAnalyzer.RuleDescriptors,
        SmtpRules.SMTP005 => SMTP005LineEndingAnalyzer.RuleDescriptors,
        SmtpRules.SMTP007 => SMTP007DataTerminatorAnalyzer.RuleDescriptors,
        _ => ImmutableArray<DiagnosticDescriptor>.Empty,
    };

    /// <summary>
    /// The rules less those whose every diagnostic ID is turned off (severity <c>none</c>) in the whole compilation: by
    /// <c>/nowarn</c> or a rule set (<see cref="CompilationOptions.SpecificDiagnosticOptions"/>), or by a global config or
    /// <c>.editorconfig</c> that no file's own section turns back on. Their diagnostics would be dropped anyway; Roslyn skips an
    /// analyzer whose every descriptor is off, and this does the same per rule.
    /// </summary>
    /// <remarks>Conservative: when in doubt the rule runs.</remarks>
    internal static SmtpRules WithoutSuppressed(SmtpRules rules, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var rule in EachRule)
        {
            if ((rules & rule) == 0)
            {
                continue;
            }

            var allOff = true;
            foreach (var descriptor in GetRuleDescriptors(rule))
            {
                if (!IsOffEverywhere(descriptor, compilation, cancellationToken))
                {
                    allOff = false;
                    break;
                }
            }

            if (allOff)
            {
                rules &= ~rule;
            }
        }

        return rules;
    }

    /// <summary>As the compiler filters a diagnostic: a command-line/rule-set entry first, then a file's section, then the global config.</summary>
    private static bool IsOffEverywhere(DiagnosticDescriptor descriptor, Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation.Options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var specific) && specific != ReportDiagnostic.Default)
        {
            return specific == ReportDiagnostic.Suppress;
        }

        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        var off = provider is not null && provider.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out var global)
            ? global == ReportDiagnostic.Suppress
            : !descriptor.IsEnabledByDefault;
        if (!off || provider is null)
        {
            return off;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out var inFile) && inFile != ReportDiagnostic.Suppress)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Once per compilation: the shared state, then one semantic-model action per file (<see cref="AnalyzeFile"/>). The lambda
    /// captures the per-compilation state; it is made here, once, never per node.
    /// </summary>
    private static void Start(CompilationStartAnalysisContext start, SmtpRules configured)
    {
        var rules = WithoutSuppressed(configured, start.Compilation, start.CancellationToken);
        if (rules == SmtpRules.None)
        {
            return;
        }

        var smtp = SmtpSemantics.Create(start.Compilation, start.Options);

        // SMTP003's per-compilation state: its options per tree (the member names of the SMTP enums are SmtpSemantics').
        var commandOptions = (rules & SmtpRules.SMTP003) != 0 ? new SMTP003ReplyCodeContextAnalyzer.OptionsCache(start.Options) : null;

        // The member names the walk must reach (WalkMarks), hashed at the first file that passes the gate: the constants of the
        // SMTP enums and of the bundled class need their types looked up, which a compilation without SMTP files never does.
        var memberNames = new Lazy<WalkMarks.NameFilter>(() => WalkMarks.HashNames(WalkMarks.RuleMemberNames(smtp)));
        var compilation = start.Compilation;
        var generatedCode = new Lazy<GeneratedCodeDeclarations>(() => new GeneratedCodeDeclarations(compilation));
        start.RegisterSemanticModelAction(c => AnalyzeFile(c, rules, smtp, commandOptions, memberNames, generatedCode));
    }

    /// <summary>
    /// One file: nothing unless it passes the SMTP gate (<see cref="SmtpSemantics.IsSmtpFile"/>); then one walk over its nodes
    /// that hands each literal and member access to the rules that read it.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every rule reports only in files that pass the gate, so the gate is asked here, once per file, and the rules' node
    /// logic does not ask it again. A file that fails it (most files of most code bases: Newtonsoft.Json's 945 files hold
    /// no SMTP code at all) costs one callback and one scan of its text for "smtp" or "lmtp", however many literals it holds.
    /// Syntax-node actions would call back on every literal of every file (about 43,000 string literals in Newtonsoft.Json),
    /// and on every member access (about 51,000) for SMTP003 and SMTP005, only to learn the file's gate each time.
    /// </para>
    /// <para>
    /// A file that passes is not walked node by node: one pass over its text marks what a rule can read (a quote, a
    /// three-digit number, a member name the rules look for), and each mark leads down to its token and the literal or
    /// member access it belongs to (<see cref="WalkMarks"/>). Making the red node of every node of a file costs about
    /// 150 ns a node; most statements hold none of those. Nodes inside generated declarations are passed over, and
    /// diagnostics in <c>#line hidden</c> regions dropped, as the driver would (<see cref="GeneratedCodeDeclarations"/>;
    /// generated files are skipped by the driver, see <see cref="Initialize"/>).
    /// The IDE asks for a span at a time (a light bulb, a visible region): only the nodes in that span are handed over.
    /// Each node gets a <see cref="NodeContext"/> that reports through this action.
    /// </para>
    /// </remarks>
    private static void AnalyzeFile(
        SemanticModelAnalysisContext context,
        SmtpRules rules,
        SmtpSemantics smtp,
        SMTP003ReplyCodeContextAnalyzer.OptionsCache? commandOptions,
        Lazy<WalkMarks.NameFilter> memberNames,
        Lazy<GeneratedCodeDeclarations> generatedCode)
    {
        var model = context.SemanticModel;
        var cancellationToken = context.CancellationToken;
        if (!smtp.IsSmtpFile(model.SyntaxTree, cancellationToken))
        {
            return;
        }

        var numbers = (rules & (SmtpRules.SMTP001 | SmtpRules.SMTP003)) != 0;
        var strings = (rules & (SmtpRules.SMTP002 | SmtpRules.SMTP003 | SmtpRules.SMTP004 | SmtpRules.SMTP005 | SmtpRules.SMTP007)) != 0;
        var interpolations = (rules & (SmtpRules.SMTP002 | SmtpRules.SMTP003 | SmtpRules.SMTP004 | SmtpRules.SMTP005)) != 0;
        var smtp005 = (rules & SmtpRules.SMTP005) != 0;
        var smtp007 = (rules & SmtpRules.SMTP007) != 0;

        // Member accesses: SMTP003 reads SmtpReplyCode.Ok and SmtpStatusCode.Ok; SMTP005 reads Environment.NewLine and the
        // calls writer.WriteLine and sb.AppendLine (reached from the member they name, writer?.WriteLine included).
        var members = commandOptions is not null || smtp005;

        var generated = generatedCode.Value;
        if (generated.IsWholeCompilation)
        {
            return;
        }

        // Only the nodes a mark leads to (WalkMarks): the red nodes of the rest of the file are never made.
        var tree = model.SyntaxTree;
        var marks = WalkMarks.Read(tree.GetText(cancellationToken), memberNames.Value, cancellationToken);
        var report = GeneratedCodeDeclarations.OutsideHiddenRegions(tree, context.ReportDiagnostic);
        var root = tree.GetRoot(cancellationToken);
        var span = context.FilterSpan ?? root.FullSpan;

        // Each mark leads to the literal or member access the rules read, if any; the driver would skip one in a generated
        // declaration, or outside the span the IDE asks for.
        Dictionary<SyntaxNode, bool>? generatedAncestors = null;
        var statementWrites = new StatementWrites();
        foreach (var node in marks.Nodes(root))
        {
            if (IsInSpan(span, node.FullSpan) && !generated.IsInside(node, model, ref generatedAncestors, cancellationToken))
            {
                Dispatch(node);
            }
        }

        void Dispatch(SyntaxNode node)
        {
            switch (node.RawKind)
            {
                case (int)SyntaxKind.NumericLiteralExpression when numbers:
                    cancellationToken.ThrowIfCancellationRequested();
                    AnalyzeNumericLiteral(new NodeContext(node, model, report, statementWrites, cancellationToken), rules, smtp, commandOptions);
                    break;
                case (int)SyntaxKind.StringLiteralExpression when strings:
                    cancellationToken.ThrowIfCancellationRequested();
                    AnalyzeStringLiteral(new NodeContext(node, model, report, statementWrites, cancellationToken), rules, smtp, commandOptions);
                    break;
                case (int)SyntaxKind.InterpolatedStringExpression when interpolations:
                    cancellationToken.ThrowIfCancellationRequested();
                    AnalyzeInterpolatedString(new NodeContext(node, model, report, statementWrites, cancellationToken), rules, smtp, commandOptions);
                    break;
                case (int)SyntaxKind.Utf8StringLiteralExpression when smtp007:
                    var utf8 = new NodeContext(node, model, report, statementWrites, cancellationToken);
                    var utf8Text = new TextFacts(utf8, smtp);
                    SMTP007DataTerminatorAnalyzer.AnalyzeStringLiteral(utf8, smtp, ref utf8Text);
                    break;
                case (int)SyntaxKind.CharacterLiteralExpression when smtp005:
                    var character = new NodeContext(node, model, report, statementWrites, cancellationToken);
                    var characterText = new TextFacts(character, smtp);
                    SMTP005LineEndingAnalyzer.AnalyzeCharacterLiteral(character, ref characterText);
                    break;
                case (int)SyntaxKind.SimpleMemberAccessExpression when members:
                    cancellationToken.ThrowIfCancellationRequested();
                    var access = new NodeContext(node, model, report, statementWrites, cancellationToken);
                    if (commandOptions is not null)
                    {
                        SMTP003ReplyCodeContextAnalyzer.AnalyzeMember(access, smtp, commandOptions);
                    }

                    if (smtp005)
                    {
                        SMTP005LineEndingAnalyzer.AnalyzeNewLine(access, smtp);
                        SMTP005LineEndingAnalyzer.AnalyzeCalledMember(access, smtp);
                    }

                    break;
                case (int)SyntaxKind.PointerMemberAccessExpression or (int)SyntaxKind.MemberBindingExpression when smtp005:
                    SMTP005LineEndingAnalyzer.AnalyzeCalledMember(new NodeContext(node, model, report, statementWrites, cancellationToken), smtp);
                    break;
            }
        }
    }

    /// <summary>As <see cref="SyntaxNode.DescendantNodes(TextSpan, Func{SyntaxNode, bool}?, bool)"/> decides that a node lies in the span asked for.</summary>
    private static bool IsInSpan(TextSpan span, TextSpan fullSpan) =>
        span.OverlapsWith(fullSpan) || (fullSpan.Length == 0 && span.IntersectsWith(fullSpan));

    private static void AnalyzeNumericLiteral(NodeContext context, SmtpRules rules, SmtpSemantics smtp, SMTP003ReplyCodeContextAnalyzer.OptionsCache? commandOptions003)
    {
        var literal = new NumericLiteralFacts(context, smtp);
        if ((rules & SmtpRules.SMTP001) != 0)
        {
            SMTP001MagicReplyCodeAnalyzer.AnalyzeNumericLiteral(context, ref literal);
        }

        if (commandOptions003 is not null)
        {
            SMTP003ReplyCodeContextAnalyzer.AnalyzeNumericLiteral(context, smtp, ref literal, commandOptions003);
        }
    }

    private static void AnalyzeStringLiteral(NodeContext context, SmtpRules rules, SmtpSemantics smtp, SMTP003ReplyCodeContextAnalyzer.OptionsCache? commandOptions003)
    {
        var text = new TextFacts(context, smtp);
        if ((rules & SmtpRules.SMTP002) != 0)
        {
            SMTP002MagicReplyStringAnalyzer.AnalyzeStringLiteral(context, ref text);
        }

        if (commandOptions003 is not null)
        {
            SMTP003ReplyCodeContextAnalyzer.AnalyzeString(context, smtp, ref text, commandOptions003);
        }

        if ((rules & SmtpRules.SMTP004) != 0)
        {
            SMTP004EnhancedStatusCodeAnalyzer.AnalyzeStringLiteral(context, smtp, ref text);
        }

        if ((rules & SmtpRules.SMTP005) != 0)
        {
            SMTP005LineEndingAnalyzer.AnalyzeStringLiteral(context, ref text);
        }

        if ((rules & SmtpRules.SMTP007) != 0)
        {
            SMTP007DataTerminatorAnalyzer.AnalyzeStringLiteral(context, smtp, ref text);
        }
    }

    private static void AnalyzeInterpolatedString(NodeContext context, SmtpRules rules, SmtpSemantics smtp, SMTP003ReplyCodeContextAnalyzer.OptionsCache? commandOptions003)
    {
        var text = new TextFacts(context, smtp);
        if ((rules & SmtpRules.SMTP002) != 0)
        {
            SMTP002MagicReplyStringAnalyzer.AnalyzeInterpolatedString(context, ref text);
        }

        if (commandOptions003 is not null)
        {
            SMTP003ReplyCodeContextAnalyzer.AnalyzeString(context, smtp, ref text, commandOptions003);
        }

        if ((rules & SmtpRules.SMTP004) != 0)
        {
            SMTP004EnhancedStatusCodeAnalyzer.AnalyzeInterpolatedString(context, smtp, ref text);
        }

        if ((rules & SmtpRules.SMTP005) != 0)
        {
            SMTP005LineEndingAnalyzer.AnalyzeInterpolatedString(context, ref text);
        }
    }
}
