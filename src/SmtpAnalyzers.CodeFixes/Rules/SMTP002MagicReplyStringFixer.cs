using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.Fixes;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP002 fix: the code digits of a reply string become the named constant, in the form the place allows.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A bare code string (<c>"354"</c>, in <c>line.StartsWith("354")</c>) becomes the string constant <c>SmtpReplyCode.Text.StartMailInput</c>:
/// the same string, so every comparison behaves exactly as before, and it is constant (case labels, patterns).</item>
/// <item>Text after the code, where a non-constant string is fine: <c>"250 OK\r\n"</c> becomes <c>$"{SmtpReplyCode.Ok} OK\r\n"</c>
/// (or the user's own int constant). A non-negative int is formatted with ASCII digits whatever the culture.</item>
/// <item>Where a constant is required: <c>$"{SmtpReplyCode.Text.Ok} OK"</c> (C# 10+), else <c>SmtpReplyCode.Text.Ok + " OK"</c>.</item>
/// <item>Text with braces (format strings): <c>SmtpReplyCode.Text.Ok + " {0}"</c>, so that nothing needs escaping.</item>
/// <item>Multi-line raw strings with braces: no fix.</item>
/// </list>
/// One equivalence key per kind of fix, never per code or location; Fix All works per document.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SMTP002MagicReplyStringFixer))]
[Shared]
public sealed class SMTP002MagicReplyStringFixer : NamedConstantFixer
{
    /// <summary>The preferred fix: the user's int constant for the code if there is one, else the bundled constant.</summary>
    public const string UseNamedConstantKey = "SMTP002.UseNamedConstant";

    /// <summary>The alternative fix, offered when the preferred one uses the user's constant: always the bundled constant.</summary>
    public const string UseBundledConstantKey = "SMTP002.UseBundledConstant";

    private const string Placeholder = "__SMTP002_CODE__";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MagicReplyString);

    public SMTP002MagicReplyStringFixer()
        : base(UseNamedConstantKey, UseBundledConstantKey, Resources.SMTP002FixUseNamedConstant, Resources.SMTP002FixUseBundledConstant)
    {
    }

    protected override FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, bool preferBundled, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(SMTP002MagicReplyStringAnalyzer.CodeProperty, out var codeText)
            || codeText is null
            || ReplyCodeTable.Find(codeText, 0) is not { } code)
        {
            return null;
        }

        var span = diagnostic.Location.SourceSpan;
        var token = root.FindToken(span.Start);
        var isBare = diagnostic.Properties.ContainsKey(SMTP002MagicReplyStringAnalyzer.BareProperty);
        var compilation = model.Compilation;
        var textConstant = FindBundledTextConstant(compilation, code);
        var parseOptions = (CSharpParseOptions)root.SyntaxTree.Options;

        if (ReplyStrings.IsStringToken(token) && token.Parent is LiteralExpressionSyntax literal)
        {
            var position = literal.SpanStart;
            if (isBare)
            {
                // "354" -> SmtpReplyCode.Text.StartMailInput: the same constant string.
                return textConstant is null ? null : new FixPlan(literal, TextAccess(textConstant, model, position).WithTriviaFrom(literal), TextDisplay(code), isBundled: true);
            }

            var tokenText = token.Text;
            var offset = span.Start - token.SpanStart;
            var constantRequired = ReplyStrings.IsConstantRequired(literal);
            var hasBrace = ReplyStrings.ContainsBrace(tokenText, 0);
            var isMultiLineRaw = token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);
            if (hasBrace || (constantRequired && parseOptions.LanguageVersion < LanguageVersion.CSharp10))
            {
                // SmtpReplyCode.Text.Ok + " {0}": nothing to escape, and constant.
                if (isMultiLineRaw || textConstant is null)
                {
                    return null;
                }

                var rest = SyntaxFactory.ParseExpression(tokenText.Remove(offset, 3), options: parseOptions);
                if (rest is not LiteralExpressionSyntax || rest.ContainsDiagnostics)
                {
                    return null;
                }

                ExpressionSyntax concatenation = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, TextAccess(textConstant, model, position), rest);
                if (NeedsParentheses(literal))
                {
                    concatenation = SyntaxFactory.ParenthesizedExpression(concatenation);
                }

                concatenation = concatenation.WithTriviaFrom(literal);
                return new FixPlan(literal, concatenation, TextDisplay(code), isBundled: true);
            }

            // "250 OK\r\n" -> $"{SmtpReplyCode.Ok} OK\r\n"
            var interpolatedText = "$" + tokenText.Substring(0, offset) + "{" + Placeholder + "}" + tokenText.Substring(offset + 3);
            return Interpolate(literal, interpolatedText, code, constantRequired, textConstant, model, preferBundled, parseOptions, cancellationToken);
        }

        if (token.IsKind(SyntaxKind.InterpolatedStringTextToken) && token.Parent?.Parent is InterpolatedStringExpressionSyntax interpolated)
        {
            // $"220 {host} ready" -> $"{SmtpReplyCode.ServiceReady} {host} ready"; $$"""250 {{x}}""" -> $$"""{{SmtpReplyCode.Ok}} {{x}}""".
            var text = interpolated.ToString();
            var offset = span.Start - interpolated.SpanStart;
            var braces = ReplyStrings.CountDollars(interpolated);
            var newText = text.Substring(0, offset) + new string('{', braces) + Placeholder + new string('}', braces) + text.Substring(offset + 3);
            var constantRequired = ReplyStrings.IsConstantRequired(interpolated);
            return Interpolate(interpolated, newText, code, constantRequired, textConstant, model, preferBundled, parseOptions, cancellationToken);
        }

        return null;
    }

    private static FixPlan? Interpolate(
        ExpressionSyntax target,
        string newText,
        ReplyCode code,
        bool constantRequired,
        IFieldSymbol? textConstant,
        SemanticModel model,
        bool preferBundled,
        CSharpParseOptions parseOptions,
        CancellationToken cancellationToken)
    {
        var position = target.SpanStart;
        ExpressionSyntax hole;
        string display;
        var isBundled = true;
        if (constantRequired)
        {
            // Only a string constant keeps an interpolated string constant (C# 10).
            if (textConstant is null)
            {
                return null;
            }

            hole = TextAccess(textConstant, model, position);
            display = TextDisplay(code);
        }
        else if (!preferBundled && NamedValues.FindUserConstant(model, position, code.Value, cancellationToken) is { } user)
        {
            hole = NamedValues.MemberAccess(user.ContainingType, user.Name, model, position);
            display = user.ContainingType.Name + "." + user.Name;
            isBundled = false;
        }
        else if (NamedValues.FindBundledConstant(model.Compilation, code) is { } bundled)
        {
            hole = NamedValues.MemberAccess(bundled.ContainingType, bundled.Name, model, position);
            display = bundled.ContainingType.Name + "." + bundled.Name;
        }
        else
        {
            return null;
        }

        var parsed = SyntaxFactory.ParseExpression(newText, options: parseOptions);
        if (parsed is not InterpolatedStringExpressionSyntax || parsed.ContainsDiagnostics)
        {
            return null;
        }

        var placeholder = parsed.DescendantNodes().OfType<IdentifierNameSyntax>().FirstOrDefault(n => n.Identifier.ValueText == Placeholder);
        if (placeholder is null)
        {
            return null;
        }

        var replacement = parsed.ReplaceNode(placeholder, hole).WithTriviaFrom(target);
        return new FixPlan(target, replacement, display, isBundled);
    }

    /// <summary>A literal replaced by <c>a + b</c> needs parentheses where it is the operand of something that binds tighter than <c>+</c>.</summary>
    private static bool NeedsParentheses(ExpressionSyntax literal) => literal.Parent switch
    {
        MemberAccessExpressionSyntax or ConditionalAccessExpressionSyntax or ElementAccessExpressionSyntax or PostfixUnaryExpressionSyntax
            or PrefixUnaryExpressionSyntax or CastExpressionSyntax or RangeExpressionSyntax or WithExpressionSyntax => true,
        SwitchExpressionSyntax switchExpression => switchExpression.GoverningExpression == literal,
        _ => false,
    };

    /// <summary>The generated <c>SmtpReplyCode.Text</c> string constant for a code.</summary>
    private static IFieldSymbol? FindBundledTextConstant(Compilation compilation, ReplyCode code)
    {
        if (compilation.GetTypeByMetadataName(SmtpSemantics.BundledConstantsMetadataName + "+Text") is not { } type)
        {
            return null;
        }

        foreach (var member in type.GetMembers(code.Name))
        {
            if (member is IFieldSymbol { IsConst: true, Type.SpecialType: SpecialType.System_String } field)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary><c>SmtpReplyCode.Text.Name</c>, qualified through the outer class so that the import check looks at SmtpReplyCode.</summary>
    private static ExpressionSyntax TextAccess(IFieldSymbol textConstant, SemanticModel model, int position) =>
        NamedValues.MemberAccess(textConstant.ContainingType.ContainingType!, textConstant.ContainingType.Name + "." + textConstant.Name, model, position);

    private static string TextDisplay(ReplyCode code) => "SmtpReplyCode.Text." + code.Name;
}
