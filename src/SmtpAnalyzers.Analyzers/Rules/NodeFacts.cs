using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// A numeric literal as SMTP001 and SMTP003 both see it, in a file that has passed the SMTP gate. The table filter runs once
/// when it is made; <see cref="SmtpSemantics.IsInNamedConstantDeclaration"/> and <see cref="SmtpSemantics.ClassifyCodeUse"/> run at most once,
/// when a rule first asks, however many rules ask.
/// </summary>
/// <remarks>Made on the stack for one node and passed by <see langword="ref"/>: it allocates nothing.</remarks>
internal struct NumericLiteralFacts
{
    private readonly SmtpSemantics smtp;
    private readonly SemanticModel model;
    private readonly CancellationToken cancellationToken;
    private Answer namedConstant;
    private bool useKnown;
    private CodeUse use;

    public NumericLiteralFacts(in NodeContext context, SmtpSemantics smtp)
    {
        this.smtp = smtp;
        model = context.SemanticModel;
        cancellationToken = context.CancellationToken;
        Literal = (LiteralExpressionSyntax)context.Node;
        Text = Literal.Token.Text;

        // O(1), before any semantic work: exactly three decimal digits that form a known code.
        Code = Text.Length == 3 ? ReplyCodeTable.Find(Text, 0) : null;
        namedConstant = Answer.Unknown;
        useKnown = false;
        use = default;
    }

    public LiteralExpressionSyntax Literal { get; }

    /// <summary>The token as written (<c>250</c>, <c>0x1F</c>, <c>250L</c>).</summary>
    public string Text { get; }

    /// <summary>The reply code when the literal is exactly three digits that form a known code; else null.</summary>
    public ReplyCode? Code { get; }

    /// <summary><see cref="SmtpSemantics.IsInNamedConstantDeclaration"/> for the literal.</summary>
    public bool IsInNamedConstantDeclaration()
    {
        if (namedConstant == Answer.Unknown)
        {
            namedConstant = SmtpSemantics.IsInNamedConstantDeclaration(Literal) ? Answer.Yes : Answer.No;
        }

        return namedConstant == Answer.Yes;
    }

    /// <summary><see cref="SmtpSemantics.ClassifyCodeUse"/> for the literal, with the options of its file.</summary>
    public CodeUse ClassifyCodeUse()
    {
        if (!useKnown)
        {
            use = smtp.ClassifyCodeUse(Literal, model, smtp.GetOptions(model.SyntaxTree), cancellationToken);
            useKnown = true;
        }

        return use;
    }
}

/// <summary>
/// A string literal, interpolated string, UTF-8 string or char literal as the text rules (SMTP002, SMTP003, SMTP004, SMTP005,
/// SMTP007) see it, in a file that has passed the SMTP gate: <see cref="SmtpSemantics.IsSmtpText(ExpressionSyntax, SemanticModel, SmtpOptions, CancellationToken)"/>
/// of the node runs at most once, when a rule first asks, however many rules ask.
/// </summary>
/// <remarks>Made on the stack for one node and passed by <see langword="ref"/>: it allocates nothing.</remarks>
internal struct TextFacts
{
    private readonly SmtpSemantics smtp;
    private readonly SemanticModel model;
    private readonly CancellationToken cancellationToken;
    private Answer smtpText;

    public TextFacts(in NodeContext context, SmtpSemantics smtp)
    {
        this.smtp = smtp;
        model = context.SemanticModel;
        cancellationToken = context.CancellationToken;
        Node = (ExpressionSyntax)context.Node;
        smtpText = Answer.Unknown;
    }

    /// <summary>The node of the callback.</summary>
    public ExpressionSyntax Node { get; }

    /// <summary><c>SmtpSemantics.IsSmtpText</c> for <see cref="Node"/> itself, with the options of its file.</summary>
    public bool IsSmtpText()
    {
        if (smtpText == Answer.Unknown)
        {
            smtpText = smtp.IsSmtpText(Node, model, smtp.GetOptions(model.SyntaxTree), cancellationToken) ? Answer.Yes : Answer.No;
        }

        return smtpText == Answer.Yes;
    }
}

/// <summary>A question of <see cref="NumericLiteralFacts"/> or <see cref="TextFacts"/>: not asked yet, or its answer.</summary>
internal enum Answer : byte
{
    Unknown,
    No,
    Yes,
}
