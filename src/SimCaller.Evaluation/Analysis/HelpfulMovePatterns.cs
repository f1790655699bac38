using SimCaller.Core.Techniques;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// Pattern tables for the helpful moves of shared/spec/techniques.md, over normalised text
/// (lowercase, no punctuation, "can not" / "i will" spelled out). Read each entry as a phrase.
/// </summary>
internal static class HelpfulMovePatterns
{
    // Things an agent does for a customer; shared by solution phrasings.
    internal const string Action =
        "offer|give|send|refund|rebook|book|move|put|arrange|issue|credit|waive|replace|reschedule|upgrade|cancel|process|reset|" +
        "switch|change|add|apply|fix|get you|set up|sort out (a|an|the|your) (refund|replacement|credit)|organize|courier|reimburse|cover|extend|hold|reserve|swap|find you|" +
        "reroute|reconnect|restore|reverse|remove|pay|compensate|match|expedite|refer|unlock|reactivate|freeze|pause|repair|" +
        "order|ship|post|deliver|dispatch|register|update|correct|adjust|reduce|lower|drop|knock|void|backdate|rush|prioritize|" +
        "cap|fit you in|squeeze you in|book you in|bump|activate|enable|transfer the|pro rata|honou?r|collect|reissue|resend|unblock|release|return|lock|open|book you|sign you|raise|accept|post you|post it|waive|" +
        "spread|split|defer|halve|discount|lend|loan|provide|top up|overnight|fast track|rearrange|reinstate|pop|throw in|include|ring (your|the)|call (your|the)|contact (your|the)|" +
        "get (it|that|them|this|someone|somebody|an engineer|a technician|a replacement|a new)|have (it|that|them|this|someone|somebody|an engineer|a technician)|take (it|that|them|the|this)( \\w+){0,3} (off|back)";

    // Past-tense actions already taken for the customer ("i have cancelled the old order").
    internal const string DoneAction =
        "got you (on|onto|in|into|a|an|booked|sorted)|frozen|cancelled|canceled|refunded|rebooked|booked|sent|issued|added|credited|reset|arranged|scheduled|applied|processed|" +
        "raised|logged|upgraded|waived|reversed|updated|changed|moved|put|ordered|reserved|blocked|unblocked|removed|fixed|" +
        "reconnected|restored|resent|reissued|corrected|adjusted|booked you|dispatched|posted|paused|frozen|extended|" +
        "topped up|restarted|released|requested|refunded you|switched|set up|sorted|organized|matched|voided|backdated|lodged|filed|" +
        "taken (\\w+ ){0,4}(off|back)|knocked (\\w+ ){0,4}off|written (\\w+ ){0,3}off|given you|sent you|got (you|it|that|them|someone|an engineer)|" +
        "chased|flagged|reinstated|rearranged|reactivated|unlocked|overnighted|expedited|fast tracked|popped|spoken to|managed to|" +
        "made (sure|a note to|an exception|the change|the changes)|put (a|an|the|in|through|you)";

    // Verbs after "i have" that describe looking or talking rather than doing something for the customer.
    internal const string NotAnAction =
        "checked|looked|noticed|seen|read|heard|listened|explained|told|said|asked|tried|found|noted|received|pulled|been|had|" +
        "understood|mentioned|worked|dealt|called|phoned|rung|answered|reviewed|searched|investigated|tested|passed|confirmed|" +
        "verified|wondered|wanted|needed|struggled|waited|realized|realised|spotted|clocked|gathered|tracked|traced|inherited|" +
        "talked|apologized|spent|learned|learnt|missed|failed|forgotten|lost|seemed|used|started|finished|stopped|kept|" +
        "charged|billed|debited|overcharged|messed|caused|mixed|screwed|delayed|handled|opened|escalated";

    // Softeners and intensifiers that sit between a verb and a feeling word ("a right nightmare", "super frustrating").
    private const string Intensifiers =
        "( really| so| very| incredibly| such| absolutely| properly| genuinely| a| an| the| just| truly| totally| completely| utterly| super| pretty| quite| extremely| terribly| awfully| seriously| right| real| proper| total| complete| absolute| bit of| hugely| massively| deeply| horribly| honestly)*";

    // Words that name a bad situation or feeling, strong enough to be empathy after "that is" / "what a".
    private const string Rough =
        "awful|terrible|stressful|frustrating|horrible|upsetting|worrying|nightmare|maddening|infuriating|exhausting|scary|annoying|" +
        "disappointing|unfair|miserable|draining|distressing|grim|gutting|galling|heartbreaking|horrendous|dreadful|appalling|rotten|" +
        "frightening|nerve racking|painful|stressy|awkward|mess|headache|ordeal|shock|blow|disaster|hassle|faff|palaver|pain|worry|" +
        "shambles|letdown|let down|struggle|rubbish|pants|gutted|crushing|soul destroying|unsettling|alarming|embarrassing|tiring|" +
        "unbearable|intolerable|fright|scare|terrifying|harrowing|traumatic|nerve wracking|hellish|a slog|grueling|gruelling";

    // What a senior person does when the customer is handed to them, as opposed to a task they are asked to do.
    private const string Handover = "call|ring|speak|talk|contact|phone|get back|review|look|give you|come|see|visit|pop|meet|deal|handle|take over|discuss|go through";

    public static IReadOnlyList<TechniqueRule> Rules { get; } =
    [
        new(Technique.Empathy,
        [
            $@"(that|this|it|which) (sounds|must be|must have been|would be|is|was|has been|sounds like it has been|sounds like it was|seems|looks|feels|must feel|has got to be|is got to be|got to be|has to be|have to be|would have been)({Intensifiers}) ({Rough}|rough|hard|difficult|tough|a pain|lot to deal with|inconvenient|not on(?! me\b)|not ok|unacceptable|stressful time|horrible position|rough time)",
            $@"what (a|an)({Intensifiers}) ({Rough}|rough|hard|tough|bad|sorry|shame|stressful|long|awful)",
            @"would (shock|upset|annoy|worry|frustrate|anger|rattle|scare|infuriate) (anyone|anybody|most people)|not fair (on|to) you",
            @"anyone would be( really| so)? (annoyed|upset|angry|frustrated|furious|fed up|worried|stressed|livid|cross|disappointed)",
            @"i (can|could) (completely |totally |really |fully )?(see|hear|imagine|tell) (why|how|that|what)",
            @"i can not imagine|i can tell (this|that|you|it)",
            $@"(is|was|are|were|sounds|must be|has been|have been)({Intensifiers}) (maddening|infuriating|awful|exhausting|stressful|horrible|distressing|miserable|nuisance|nightmare|headache|gutting|dreadful|appalling|horrendous|heartbreaking|rotten|shambles)",
            @"no wonder (you|that)",
            @"of course you are (upset|angry|frustrated|annoyed|worried|furious|cross|fed up|stressed)",
            @"you have every (right|reason)",
            @"i would (be|feel|have been)( really| so| absolutely)? (upset|annoyed|furious|angry|frustrated|livid|fuming|cross|worried|stressed|gutted|the same|raging|seething|devastated|losing it|up the wall|climbing the walls|going spare|beside myself|tearing my hair out|hopping mad|mortified|heartbroken)( too| as well)?",
            @"(in|if i were in) your (shoes|position)",
            @"you must (be|have been|feel)( so| really| completely)? (tired|worried|exhausted|upset|stressed|fed up|frustrated|furious|disappointed|anxious|shattered|gutted)",
            @"(that|it|this) (must|would) (feel|have felt|be) (like|so|really|awful|horrible)",
            @"(it is|that is|this is) not (your fault|what you (expected|paid for|signed up for|needed))",
            @"none of this (is|was) your fault",
            @"(you|you have) (should not|should never) have (had )?to",
            @"(last|worst) thing (you|anyone) (need|needed|needs|wanted|want)",
            @"i (completely |totally |really )?get why",
            @"(it|that) makes (total |complete |perfect )?sense (that |why )?you",
            @"understandably|understandable that you",
            @"(of all|on the) (weeks|days|nights|mornings) (to|for)",
            @"(you have|you have been) (been )?(waiting|paying|calling|chasing|dealing with this) (for|since|all)",
            @"that is (a lot|so much|too much) to (deal|cope) with",
            @"you are (right|entitled|not wrong|justified|within your rights) to (be|feel)( \w+)? (upset|angry|annoyed|frustrated|cross|furious|fed up|disappointed|worried|let down|unhappy)",
            $@"(sounds|seems) (like|as if)( it has been| it was| you have had| you had)?({Intensifiers}) ({Rough}|rough|really|long|tough|hard)",
        ],
        unless:
        [
            @"i can see (that )?(on|in) (the|your|my) (system|account|screen|notes)",
            @"(is|was|be|it) (hard|difficult|tough) to (say|tell|know|find|get|see|read|hear|reach)",
            @"i can see (your|the) (booking|order|account|bill|payment|flight|policy|record|reference|claim|statement|details)",
            @"i can (see|tell) (what|that) (the|your) (system|account|bill|booking|order)",
        ]),

        new(Technique.Apology,
        [
            @"(i am|we are|i am so|i am really|i am truly|i am very|i am terribly|really|so|truly|very|terribly|deeply) (sorry|sorry that|sorry about|sorry for)",
            @"sorry (that|about|for|the|your|you|we|our|to hear|this|it|again)",
            @"i (sincerely |truly |do )?apologize|we (sincerely )?apologize",
            @"(my|our|sincere|profound) apologies",
            @"apologies (for|that|about)",
            @"sorry( about that| again)?$",
        ],
        unless:
        [
            @"sorry (but|though)",
            @"(i am )?sorry (could|can|would|will) you (say|repeat|speak|run|go|spell|read)",
            @"sorry (what was that|i did not (catch|hear|get)|come again|say again|pardon|i missed that|which|what did you say)",
            @"sorry you feel (that way|like that)",
            @"sorry to (interrupt|cut in|keep you)",
            @"sorry (i am|we are|it is|that is) (not able|unable)",
        ]),

        new(Technique.Paraphrase,
        [
            @"just (to|so i can|so i) (confirm|check|make sure|be clear|recap|summarize|sum up|double check)",
            @"if i (have )?(understand|understood|have|got|heard|am hearing|follow|followed)( you| this| that| it| everything)? (right|correctly|properly)",
            @"(let me|can i|i want to|let me just|i would like to|could i) (just )?(make sure i|check i|confirm i|recap|summarize|sum up|repeat that|read (that|it|this) back|play (that|it) back|check that i)",
            @"what i am hearing( is)?",
            @"(it )?sounds like you( have| are| were| had| want| would| need| did| got| paid| ordered| just)",
            @"what you are (saying|telling me|after|asking for) is",
            @"so you are (saying|telling me)",
            @"^(\w+ ){0,2}you are (saying|telling me)|you are (saying|telling me) (that|you)",
            @"^(\w+ ){0,2}so (what|all) you (need|want|are after|would like|are asking for|are looking for) is",
            @"^(\w+ ){0,2}so (you|you have|you had|you were|your \w+|they|they have|he|she|it) (?!have to\b|had to\b)(\w+ed|\w+en|got|paid|went|came|bought|sent|rang|made|told|said|left|took|gave|saw|had|have|were|are|still|never|just|only|already|been|spent|lost|kept|heard|found|thought|felt|put|set|charged|billed|cancelled|sent|said|told)\b",
            @"^(ok |right |all right |yes |so )*so (you|your|the) (were|are|have|had|got|was|paid|ordered|booked|cancelled|canceled|called|never|still|want|would|bought|received|rang|waited|kept|spent|lost|missed|tried|moved|returned|did not|have not|could not|can not|were not|booking|order|flight|parcel|bill|engineer|router|card|payment|membership|policy|claim|refund|package|delivery|account|connection|internet|gym|car|fridge|laptop|phone|boiler)",
            @"you would (rather|prefer|like)( \w+){1,10} (yes|right|correct|yeah|is that right|is that correct)$",
            @"(is that|have i got (that|this|it)|did i get (that|this|it)|am i) (right|correct)",
            @"correct me if i am wrong",
            @"so the (main|real|big|key|only) (issue|problem|thing|worry|concern|question) is",
            @"in other words|so basically",
            @"^(\w+ )?so (you|your)( \w+){1,12} (right|yes|correct|yeah|is that right|is that correct)$",
            @"^(\w+ )?so (there (is|are|was|were)|(it|they|he|she) (was|were|is|has|had|kept|keeps|never|still|\w+ed))",
            @"^(\w+ )?so (the|your) (\w+ ){1,3}(?!will|can|should|would|could|might|may)(\w+ed|went|was|were|did|has|have|had|is|are|kept|broke|got|never|still|stopped|came|left|took|fell|burst|blew|froze|ran|ate|cut|hit|shut|died|split|tore|sank|leaked|sat|stood|wore|gave|made|sent|lost|said|told)",
            @"just so i am (clear|sure|right)",
            @"(just )?so i have (it|that|this|everything) (right|straight|clear|correct)",
            @"so to (recap|sum up|summarize)",
            @"(if|so) i have got (this|that|it|you) right",
            @"to make sure i (have|understand|got)",
        ]),

        new(Technique.ClarifyingQuestion,
        [
            @"(could|can|would) you (please )?(just )?(tell|give|send|confirm|spell|read|check|let me know|say that again|repeat|describe|share|provide|walk me through|say|remind me|pop|look)( me| that| the| your| it| what| which| when| how| if| whether| out| why| who| where)",
            // Open questions (spec: they count): who could help, where it happens, and the open door.
            SimCaller.Core.Text.OpenDoor.Pattern,
            @"^(\w+ ){0,2}who (could|can|would|might|else|do|does|did|is|was|are|were|have|has) ",
            @"^(\w+ ){0,2}where (are|is|were|was|do|does|did) (you|it|they|the|your|this|that) ",
            @"(what|which) (is|was|are|were) (the|your|it|that|this)",
            @"(what|which|when|where|how) (did|does|do|time|date|day|model|number|postcode|address|email|flight|order|account|reference|size|colour|color|plan|option|one|kind|type|long|many|much|exactly|month|year|branch|store|card|item|room|error|message|light|lights) ",
            @"(when|where|how) (was|is|were|are) (the|your|it|that|this)",
            @"may i (have|ask|take|get|confirm)",
            @"do you (know|remember|prefer|want|see|recall)( the| your| a| an| any| which| what| if| whether| roughly| when| where| how)",
            @"do you (happen to )?(still )?have (?!to\b)\w+",
            @"(what|which) \w+ (did|do|does|is|was|are|were) (you|it|the|your|they|he|she|we|this|that)",
            @"how (old|big|often|far|recent|recently|bad|tall|wide|heavy) (is|was|are|were|did|does|do) ",
            @"^(\w+ ){0,2}(was|were|is|are|has|had|did) (anyone|anybody|someone|somebody|there anyone|there anybody) ",
            @"did (you|anyone|any of your \w+) (?!even\b|not\b)\w+",
            @"have you (?!even\b|not\b|got a point\b)\w+",
            @"would you (prefer|rather)",
            @"are you (calling|still|at|using|on|with|able|looking|after)",
            @"(say|repeat) that again|come again|pardon|what was that",
            @"i did not (quite )?(catch|hear|get) (that|the|your|what|which)",
            @"(can|could) i (just |quickly )?(get|take|have|grab|ask for|check) (your|the|a)",
            @"is (it|the|this|that) (the|a|an|your)? ?\w+ (number|model|account|reference|one|version|address|card)",
            @"is (it|this|that) (still|happening|affecting|on|off|every|all|only|just|the same)",
            @"which (one|option|date|day|flight|address|card|account|item|would|do)",
            @"roughly (when|how)",
            @"^(\w+ )?(has|have|is|was|does|did|are|were) (she|he|they|it|the \w+|your \w+) (\w+ )?(had|been|got|eaten|done|started|stopped|made|shown|showing|flashing|making|still|ever|always)",
        ],
        unless:
        [
            @"how (does|do) (that|this|it) (sound|work|feel|suit)",
            @"how (does|do|would) (\w+ ){1,4}(sound|suit you|work for you|grab you)$",
            @"how many (more )?times",
            @"(is|are|has|have|did|does) (it|that|this|everything|things)( \w+)? (work|working|sorted|fixed|ok|better|helped|help|sound|suit|all right)",
            @"what (happens|will happen) next",
            @"(is that|have i got that|did i get that) (right|correct)",
            @"(is|are) (there|you) (anything|happy|ok|comfortable|all)",
            @"(does|do|is|will|would|did) (that|this) (work|sound|help|suit|solve|fix|sort|cover|answer|resolve)",
            @"(would|do) you (like|want) (me|a|an|us|to|the)",
            @"what i (can|could|will|am going to) do",
            @"can you (stop|calm|not|please stop|please not)",
            @"are you (even )?listening",
            @"do you (know|have) (how|what) (many|much|time|it) (times|calls|i have|is like)",
            @"did you (even|not) (read|listen|check)",
            @"have you (even|not) (read|listened|checked)",
            @"what (is|was) (the|your) (problem|matter with you|point)",
            @"what (do|did) you (want|expect) me to",
            @"would you rather (i|we)",
        ]),

        new(Technique.Solution,
        [
            $@"(i|we) (can|could|will|would|am going to|are going to|am able to|are able to|am happy to|are happy to|would be happy to|would like to|will be able to|can also|will also|can still|could still|will just|can just)( (?!not\b|never\b)\w+)?( also)? ({Action})",
            $@"let me ({Action})",
            $@"(i|we) (have|have just|have already|have now|just|already)( gone ahead and)? ({DoneAction})",
            $@"(i|we) (have |have just |have now |have already |just |already )?(gone|went) ahead and \w+",
            $@"(i|we) (have|have just|have now|have already) (?!(?:{NotAnAction})\b)\w+ed (you|your|the|it|that|this|them|a|an|up|off|over|out|back|in|onto|on|through|for)\b",
            $@"and (have )?({DoneAction}) (it|that|this|them|the|your|you)",
            @"(you are|you have been|your \w+ (is|has been|are|have been)|that is|it is|everything is|we are|you are all) (now |all |now all |all now )(booked|rebooked|cancelled|canceled|refunded|sorted|set up|fixed|credited|confirmed|upgraded|reinstated|unblocked|reconnected|set|registered|switched|moved|on|in|done|paid|covered)",
            @"you are (now )?(booked|rebooked|confirmed|registered|checked) (on|in|onto|into|for)",
            @"(the|what|all|most|least) (best|most|only|least|quickest|fastest)( thing| option| way)? (i|we) can (do|offer)|(all|what) (i|we) can (do|offer)( you)? (is|right now is|today is)",
            @"(but|however|though|instead) (i|we) (can|could|am able to|are able to|am happy to|are happy to|would be happy to) (?!(?:not|never|see|hear|imagine|tell|understand|assure|only|appreciate|promise|guarantee|confirm|explain|check|look|try)\b)\w+",
            @"(i|we) (will not|would not|are not going to|am not going to|will not be|do not need to|are not going to be) (charge|charging|bill|billing|ask you to pay|make you pay) (you|for)",
            $@"(i|we) (can|could) (ask|get|have) (the|my|our|a) (\w+ ){{0,2}}to (?!(?:{Handover})\b)(\w+)",
            @"here is what (i|we) (can|will|could) do",
            @"what (i|we) (can|could|will|am going to) do (is|for you|instead)",
            @"(the|your|one|another|an|a better|the best|the quickest|the fastest|the simplest|other) (option|alternative|choice|fix|workaround|way round this)s? (is|are|would be|here|i can)",
            @"you (can|could) (choose|pick|have|get|either|keep|use|claim|switch|come in|bring|collect|take)",
            @"how about (i|we|a|an|the)",
            @"(i|we) (would )?(suggest|recommend)",
            $@"would you like (me|us) to ({Action})",
            @"would you like (a|an|the) (\w+ )?(refund|voucher|credit|replacement|upgrade|discount|rebooking|exchange|callback|engineer|new|seat|room|flight|booking|appointment)",
            @"(a|an|the|full|partial|goodwill) (refund|voucher|credit|replacement|compensation|discount|rebate|upgrade|reimbursement|gesture) (of|for|to|on|worth|as|and)",
            @"instead i (can|could|will)|alternatively",
            @"i (can|could|will) get (you|that|it|this|a|an|the|someone|an engineer|a technician)",
            @"(i|we) (can|could|will) (have|get) (it|that|this|a|an|the|someone|an engineer|a technician) (to|sent|fixed|delivered|booked|out|over|round)",
            @"(i|we) (can|could|will) (make sure|see to it that) (you|the)",
            @"(i|we) (can|could) (offer|give) you",
            @"would (a|an|the) (\w+ )?(refund|voucher|credit|replacement|upgrade|discount|rebooking|exchange|callback|engineer)",
        ],
        unless:
        [
            @"would you like (me|us) to (transfer|put you through|pass you|get (a|my|the) (manager|supervisor)|escalate|connect you to)",
            @"(i|we) (can|could|will) (transfer|put you through|pass you|connect you) (to|through to) (a|my|the|our) (manager|supervisor|team leader|specialist|senior|complaints)",
            @"(can|could) you (just )?(send|give|book|put)",
            @"you can (not|never)",
            @"i (would|will) (suggest|recommend) you (calm|relax|read)",
            @"let me (finish|explain|speak|talk)|(will not|does not|would not|can not) let me",
            @"no way (i|we) (can|could|will|are going to)( \w+){1,3}",
            @"suggest (that )?we (park|focus|leave|come back|stick|get back)",
            @"so (that )?you (can|could) \w+",
            @"what you (need|want|would like|are after) is",
        ]),

        new(Technique.Ownership,
        [
            @"(that is|that was|this is|it is|it was|this was) (on us|on me|our (fault|mistake|error|bad)|my (fault|mistake|error|bad)|(entirely|completely|totally|all) (on us|our fault|our mistake))",
            @"we (really |badly |completely |totally |properly )?(dropped the ball|messed (up|this up|that up|it up)|got (this|that|it|things|your \w+)( \w+)? wrong|made (a|an) (mistake|error)|let you down|should have (done|caught|told|called|sent|fixed|checked|let|warned|spotted|noticed|flagged|kept)|failed you|did not (do|get) (this|it|that) right|should never have|made a mess|slipped up|clearly (messed|got))",
            @"(our|my) (mistake|error|fault|bad|slip|slip up|oversight|blunder|cock up|screw up|mess up|mix up|mixup|failing|doing|own goal)|(mistake|error|fault|slip|oversight|mix up|mixup) (was |is |lies |sits )?(all |entirely |definitely |completely )?(on|at|with) (our|my|us|me)( side| end| part)?",
            @"i (will|am going to|can) (personally|myself)",
            @"i will (make (this|it|things) right|see (this|it) through|follow (this|it|that) up|follow up|make sure|take care of|handle (this|it)|own (this|it)|keep (an eye|you updated|you posted|track|on top)|chase|stay on|look after|take (this|it) on|personally|call you (back|myself|personally)|ring you (back|myself)|email you (myself|personally)|check (on it|back|in) (myself|personally|tomorrow|later)|be your|not let (this|it) (drop|go))",
            @"i (will |am going to )?take (full |complete )?(responsibility|ownership)",
            @"(that|this|it) should (never|not) have happened",
            @"i am going to (\w+ ){1,3}(myself|personally)",
            @"leave (it|this) with me",
            @"(i am|i will be) (taking|owning) (ownership|responsibility|this)",
            @"you have my word|i give you my word|i promise (i|to|we|you|that)",
            @"i will be your (point|contact|single)",
            @"i will (\w+ ){1,3}(myself|personally)|i (will )?personally",
            @"i will (stay|be) (on the line|with you) (until|till|while)",
            @"(we|the company|our team) (are|is|were|was) (at fault|in the wrong|to blame|responsible)",
            // Admitting the company's fault in the passive or after the fact ("the dose should have been checked").
            @"(and|but) we should have$|(it|that|this|the \w+|your \w+) should have been (checked|sent|done|fixed|caught|flagged|cancelled|refunded|booked|processed|logged|updated|credited|posted|delivered|repaired|handled|dealt with|picked up|spotted|noticed|sorted)|you should have been (told|warned|informed|notified|called|contacted|offered|refunded|given|kept)",
        ],
        unless:
        [
            @"not (my|our) (fault|mistake|error)",
        ],
        negatable: true),

        new(Technique.Expectation,
        [
            @"within (the next )?(\w+ ){0,2}(working |business )?(hours?|days?|minutes?|weeks?)",
            @"(for|between) (tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)( morning| afternoon| evening)?|between \w+( am| pm)? and \w+",
            @"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday)( ?(am|pm|oclock|thirty))? (till|until|til|to) (\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday|lunch|lunchtime)( ?(am|pm|oclock))?( (working |business )?(days|weeks|hours|minutes|today|tomorrow))?\b",
            @"(will|should|shall|is going to|are going to|expect it) (\w+ ){0,6}in (the next )?(a |an |about |around |roughly |under |less than |\d+ |one |two |three |four |five |six |seven |ten |twenty |thirty |forty eight |seventy two |a couple of |a few )(\w+ )?(to (\w+ ))?(working |business )?(hours?|days?|weeks?|minutes?|mins)",
            @"(will|should|is going to|are going to) (\w+ ){0,4}(as soon as|the moment|the minute|right after|straight after|shortly|first thing|straight away|right away|immediately)",
            @"(call|email|text|ring|update|message|phone) you (at )?(every|each) (step|stage|day|morning|evening|week|update)",
            @"(call|email|text|ring|update|contact|message|phone|let) you (know )?(back )?(by|before|within|tomorrow|as soon as|once|when|the moment|the minute|straight away|first thing|as it|with)",
            @"(later today|overnight|first thing tomorrow)",
            @"by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end of|end of|noon|midday|lunchtime|this evening|close of|\d+ ?(am|pm|oclock)?|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)( ?(am|pm|oclock|thirty)| (this|tomorrow|today|tonight))|next (week|month|monday|tuesday|wednesday|thursday|friday))",
            @"(will|should|shall|going to|due|expect|arrives?|lands?|comes?|goes|get|hear|call|ring|email|text|ships?|leaves|dispatch(es)?|send|post|deliver|courier|book|booked|arrange|arranged|come out)( \w+){0,6} (today|tonight|tomorrow|tonight|this afternoon|this evening|next week|overnight|later today|end of (the )?day|same day|first thing|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(this|next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|week|month))",
            @"you (will|should) (?!have to\b)(receive|get|see|hear|be (able|contacted|called|refunded|credited|emailed|notified|sent|charged|back))|you will have(?! to\b)",
            @"(the|your|a|an|that|it) (refund|credit|engineer|technician|replacement|parcel|package|money|payment|confirmation|email|text|voucher|order|delivery|courier|adjustment|new card|card|letter|router|case|claim|booking|bill|statement|reply|callback|update)( \w+)? (will|should|is going to|is due to) (arrive|land|appear|be|show|come|reach|go|take|clear|follow|get|turn|drop|ring|call|reflect|update|process|kick|start)",
            @"(what|what will) happens? next( is)?|the next step|next steps",
            @"(it|this|that|the process|processing|the transfer|the refund|delivery) (usually |normally |generally |typically |can |will |should )?(takes|take) (about|around|up to|roughly|\d+|a|one|two|three|five)",
            @"(expect|see|receive) (it|a|an|the|that|them|your)( \w+)? (within|by|in|on|tomorrow|shortly)",
            @"i will (call|email|text|ring|update|contact|message) you (back )?(by|before|within|tomorrow|at|this|on|as soon as|once|when|in)",
            @"in the next (few )?(hour|hours|day|days|minutes|week)",
            @"(on|in) your next (bill|statement|invoice|payment)",
            @"once (that|it|this|the|i) (is|has|have|goes|clears)",
            @"(first|then) (i will|you will|we will|the|your)( \w+){1,6} (then|after that|and then)",
            @"after that (you|we|i|the|your)",
            @"(they|he|she|someone|an engineer|the \w+|we) will (text|call|ring|email|contact|let you know|be in touch|send you|come (out|round|by))",
            @"(the|your|our|a|an) (\w+ ){1,2}will (call|ring|text|email|contact|phone|be in touch|visit|arrive|be with you|be there|come (out|round|by|to))",
            @"at (lunchtime|lunch time|noon|midday|teatime|the end of the day|close of business)",
            @"(usually|normally|typically|generally) takes|takes (about|around|roughly|up to)",
            @"at (\w+|\d+ ?(am|pm)?) (today|tomorrow|tonight|this (morning|afternoon|evening))",
        ],
        unless:
        [
            @"(can not|will not|could not|unable to|not able to) (\w+ ){0,3}(send|book|arrange|come|get)( \w+){0,4}",
            @"(wedding|party|funeral|interview|flight|exam|meeting|birthday|trip|holiday|event|ceremony|big day|appointment|anniversary)( \w+){0,4} (is |was )?(today|tomorrow|tonight|this evening|on \w+day)",
            @"(should|could|must|might) have (\w+ed|been|\w+en)( \w+){0,6}",
            @"^(how (does|do|would)|would|does|is|what about|how about) .*(sound|suit|work|be ok|be all right|be better)( for you| you)?$",
            @"you (need|needed|want|wanted|have|had|must|would like|were hoping)( it| them| that)? to (be|get|have|arrive|reach|make)( \w+){0,5} (by|before|for) \w+( \w+)?",
        ]),

        new(Technique.Gratitude,
        [
            @"thank you|thanks|cheers for|appreciate (your|you|it|that|this|the)|(i am|we are) grateful",
        ],
        unless:
        [
            @"thanks for nothing",
            @"no thanks|no thank you",
        ]),

        new(Technique.CheckSatisfaction,
        [
            @"(is|would|will|does|did|could) (that|this|it) (work|sound|help|be ok|be all right|be acceptable|suit|do|fix|sort|solve|resolve|cover|answer|be enough|be better|make sense|settle)",
            @"how (does|do|would) (that|this|it|those|these) (sound|work|feel|suit|seem)",
            @"is there anything else|anything else (i|we) can",
            @"(have|did) (i|we) (answered|covered|sorted|resolved|fixed|dealt with|addressed|answer|cover|sort|resolve|fix|address)",
            @"are you (happy|ok|comfortable|all right|satisfied|good) with",
            @"is (that|this|everything) (everything|all|ok|all right|sorted|fine|good|settled|clear|acceptable)( for you| now| then)?$",
            @"is (that|this) (everything|all) (sorted|done|ok|fine|settled|good)",
            @"(fully|completely|properly|all) (sorted|resolved|addressed|fixed|settled|answered)",
            @"(does|do) (that|this|it) (work|suit|sound|help|answer|fix|solve|sort|resolve|cover|meet)",
            @"(which|what) (would|do) you (prefer|rather|like)( out of| of)? (those|these|them|the two|the options)",
            @"(is|does) (that|this) (feel|seem) (fair|right|ok|better|reasonable)",
            @"are we (good|all set|ok|sorted)",
            @"(is|would) (that|this) (be )?(ok|all right|fine|acceptable|good) (with|for) you",
            @"(is|are) (it|that|the \w+|everything|things|your \w+) (working|sorted|fixed|back|ok|better|up) (now|again)",
            @"(has|have) (that|this|it|the \w+) (fixed|sorted|solved|resolved|helped|worked|cleared)",
            @"(would|will|does|did) (that|this) (make up for|make (it|things) right|be fair|help)",
            @"(would|will|does) (that|this|the|a|an) (\w+ ){0,3}(work|suit|help|sound|do)( better| ok)?( for you)?$",
            @"would (\w+ ){1,2}(work|suit|be ok|be better)( for you| you)?$",
            @"how (does|do|would) (\w+ ){1,4}(sound|suit you|work for you|grab you)$",
            @"(is|does) (that|this) (\w+ )?(closer|better|more like|nearer) (to )?(what|the)",
            @"(will|would|does|is) (that|this) (be )?(do|okay|ok|fine|good) for you",
            @"(happy|ok|all right) (with|for) (that|this|me to)",
        ]),

        new(Technique.Boundary,
        [
            @"i (will|am happy to|want to|can|would like to|am here to|do want to|will keep|will still|can still)( keep| still| really)? (help|helping|sort|work|going|carry on|continue|talk)( \w+){0,8} (as long as|but (i|not|the|please|we)|if (we|you|the))",
            @"(please|i need you to|i would ask you to|i will ask you to|i must ask you to|i am asking you to|i have to ask you to|could you please|i would ask that you|can we|could you|can you|would you)( please)? (do not|not|stop|avoid|keep) (swear|swearing|call|calling|insult|insulting|use|using|shout|shouting|yell|yelling|name calling|threaten|threatening|the language|the insults|it civil|it respectful|the personal)",
            @"i (will|am going to|have to|may need to|may have to|would have to|might have to|will need to|need to|am going to have to) (end|terminate|disconnect|close|hang up|finish|stop) (the|this|our)( call| conversation)?",
            @"if (the|this|that|you) (swearing|language|insults|name calling|abuse|shouting|keep|continue|carry on)",
            @"(that|this|the|such) (kind of )?(language|name calling|swearing|abuse|personal comment|insult)s? (is|are) not (ok|acceptable|on|needed|necessary|helping)",
            @"not (going to|willing to) (accept|tolerate|be spoken to|listen to)( \w+){0,3} (language|insults|abuse|like that|that way)",
            @"(will not|can not|do not) (tolerate|accept) (being|that|abuse|insults|the)",
            @"(let us|can we|please) (keep|stay) (it|this|things)? ?(respectful|civil|polite|professional|calm)",
            @"without (the|any) (insults|swearing|name calling|abuse|language|personal)",
            @"(i am|i will not be|i do not want to be) (not )?(spoken|talked) to (like that|that way)",
            @"no need (for|to use) (that|the|such) (language|insults|swearing|name calling)",
            @"no need (to|for) (swear|swearing|curse|cursing|insult|insults|name calling|the names|abuse|threats|threaten|be abusive)",
            @"(i will|i am going to|i would|i may|i might|i will be)( have to| need to)? (ask you to leave|call security|put the phone down)",
            @"if you (speak|talk) to (me|my \w+|us|our \w+|staff) like that",
            @"(last|final) warning",
        ],
        unless:
        [
            @"i will (end|close) (the|this) (case|ticket|account|contract)",
        ]),

        new(Technique.Redirect,
        [
            @"let us (leave|park|set aside|put aside|come back to|get back|go back|return|stick|focus|get (this|your|the)|sort (out )?(the|your|this)|deal with (the|your)|look at (the|your))",
            @"(park|parking|set|put|leave) (that|this|it)( to one side| aside| for now| for a second| for a moment)",
            @"(set|put|park|leave) (the|that|this|your)( \w+){1,3} (aside|to one side|for now|for a moment|for later)",
            @"(back|return|go back|get back|come back) to (your|the) (bill|booking|order|issue|problem|refund|account|flight|question|claim|charge|payment|delivery|parcel|broadband|connection|membership|policy|direct debit|invoice|main)",
            @"focus on (your|the|getting|sorting|fixing|what)",
            @"before we (get into|go into|talk about|move on to|look at) (that|the|this|anything)",
            @"(i hear you|i know|i understand|fair enough|i get that)( \w+){0,8} but (let us|let me|first|for now|right now|the|your|i want|can we|we need|today|to)",
            @"(let me|can i|i want to|i would like to) (bring|steer|get) (us|this|things|it) back",
            @"(coming|getting|turning) back to",
            @"but (first|for now|right now) (can we|let us|let me|i will|we need|i need)",
            @"we can (talk about|come back to|look at|get to|chat about) (that|this|it) (after|later|once|another time|at the end|in a minute)",
            @"(first|for now|right now|today)( \w+){0,3} (let us|let me|i want to|we need to) (sort|fix|focus|get|deal|finish)",
            @"(so that|so) we can (sort|fix|get|resolve|focus on|finish) (your|the|this)",
            @"that is (a bit |slightly )?(outside|beyond|separate|off)( \w+){0,4} (but|today|topic|what i)",
            @"(on|for) (the|your) (bill|booking|order|charge|refund|claim) (itself|though|for now|first)",
        ]),

        new(Technique.EscalationOffer,
        [
            @"((i|we) (can|could|will|would be happy to|am happy to|am going to|would like to|can also|could also)|let me)( \w+)? (transfer|put|pass|loop|bring|get|escalate|connect|hand|refer|raise|ask)( you| this| it| your (case|complaint|call))?( over| through| in| up)?( to| with)? (a|my|the|our|one of our)?( \w+){0,2} ?(supervisors?|managers?|team leaders?|specialists?|complaints|senior|escalations?|duty manager|experts?|resolutions team|retention|tier two|second line|higher up|someone more senior|lead)",
            @"(would|do) you (like|want) (me to|to) (transfer|put you|speak|talk|escalate|get|have|pass|loop)( \w+){0,5} (supervisors?|managers?|team leaders?|specialists?|complaints|senior|escalations|lead)",
            @"(would|do) you (like|want) (to speak|to talk|me to get|me to find|me to bring in) (a|my|the|our|someone|to)",
            @"(escalate|escalating) (this|it|your (case|complaint|issue)) (to|up|for you)",
            @"(supervisor|manager|team leader|specialist|senior colleague|complaints (team|lead)|head teacher|head of \w+|duty \w+|specialist team|senior \w+) (can|could|will|would|is happy to|would be happy to) (call|ring|contact|look|review|take|help|speak|come|see|give you|go through|talk|get back|deal|handle|investigate|pop|meet)",
            @"would you like (a|my|the|our|to speak to a|to speak to my|to talk to a|to talk to my) (\w+ )?(supervisor|manager|team leader|specialist|senior|complaints)",
        ],
        unless:
        [
            @"(can not|could not|will not|no) (get|find|transfer|put)( you)?( \w+)? (supervisor|manager)",
            $@"(ask|get|have) (the|my|our|a) (\w+ )?(supervisor|manager|team leader|lead) to (?!(?:{Handover})\b)\w+",
            @"(supervisor|manager) (is not|will not|can not|would not|will just|will say)",
        ]),
    ];
}
