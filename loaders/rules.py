"""Extraction rules: regular expressions over a sentence's *shape* — the lowercased sentence with
every mention replaced by a placeholder ⟦i⟧ — and where each rule finds its actor and target.

The table is data: each Rule names its pattern, the action it makes and where its roles come from;
matching (sentences.SentenceContext.events) is separate from deciding who did what to whom (its
_apply reads the roles). `validate` checks at import that every rule has the groups its roles need.

Actor roles (ACTOR_ROLES): `left` is the nearest subject-like mention group before the trigger (not
possessive, not the object of a preposition, not inside a relative clause that does not hold the
trigger); `act` is the pattern's `act` group; `speaker` is who a quotation (or an embedded post) is
attributed to; `org` is the `act`/`act2` group, else the organisation the sentence names, else the
last one named ("X has been dropped as the party's candidate"); `sayer` is who speaks of the `tgt`
("A said B retains her support").
Target roles (TARGET_ROLES): `tgt` is the pattern's `tgt` group (a withdrawal or stand-by without one
takes the person named after the trigger, else the article's focus); `left` as above; `accuser` is who
accused the actor in this article (or whose claims are named: "denied Kim's account"); `other` is
another person named in the sentence; `his` is the last person named before the trigger ("called
for his resignation"); `race` is the pattern's `race`/`race2` group.
Calls (`call`) take their actions from the `what` group: what the target is called on to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ACTOR_ROLES", "CALL_RESIGN", "CALL_WITHDRAW", "GROUP", "HINTS", "M", "RULES", "TARGET_ROLES", "Rule",
           "validate"]  # fmt: skip

M = r"⟦\d+⟧"
# "A, B and incumbent board member C": words describing a listed person in front of the title
_DESCRIBED = (
    r"(?:(?:incumbent|former|current|fellow|longtime|veteran|retired|first-time|newcomer|board|school|"
    r"council|city|county|state)\s+){0,3}"
)
GROUP = (
    rf"{M}(?:(?:,\s+and\s+(?:the\s+)?|,\s+or\s+|,\s+|\s+and\s+(?:the\s+)?|\s+&\s+|\s+or\s+){_DESCRIBED}{M})*"
)
_W = r"[\w'-]+"  # a word
_SUPPORT = r"(?:endorsements?|support|backing|nominations?)"
_OWN = r"(?:its|their|his|her|the|our|my)"
# "the support of", "the full backing of": a noun form of support, whose holder follows
_SUPPORT_OF = (
    r"(?:the\s+|an?\s+)?(?:(?:full|strong|early|continued|official|formal|public|unanimous)\s+)?"
    r"(?:support|backing|endorsements?)\s+(?:of|from)"
)
_ALLEGE = (
    r"(?:sexually\s+)?(?:assault\w*|harass\w*|grop\w*|abus\w*|kiss\w*|rap(?:ed|ing)|attack\w*|"
    r"forc\w*|coerc\w*|threaten\w*|molest\w*|touch\w*|misconduct|bull(?:ied|ying)|intimidat\w*)"
)
_DENIAL = (
    r"(?:simply\s+|completely\s+|totally\s+|entirely\s+|categorically\s+|flatly\s+|patently\s+|utterly\s+|"
    r"wholly\s+)?"
    r"(?:not\s+true|untrue|false|baseless|unfounded|lies|fabricated|made\s+up|(?:an?\s+)?(?:baseless\s+|"
    r"malicious\s+|political\s+|politically\s+motivated\s+)*(?:smear|lie|hoax|fabrication|attack)|nonsense|"
    r"without\s+merit|politically\s+motivated)"
)
_CLAIMS = r"(?:allegations?|accusations?|claims?|charges?)"
_DENIED = rf"(?:{_CLAIMS}|account|version\s+of\s+events|complaints?|assertions?)"  # what a denial rejects
_ORDINAL = r"(?:first|second|third|fourth|fifth|no\.\s*\d)"

CALL_WITHDRAW = re.compile(
    r"\b(?:withdraw\w*|drop\w*\s+out|step\w*\s+aside|stand\s+aside|get\s+out\s+of\s+(?:this|the)\s+(?:race|primary|contest)|"
    r"pull\w*\s+(?:his|her|their)\s+name|stand\w*\s+down\s+as\s+(?:a\s+|the\s+|\w+\s+)?candidate|"
    r"be\s+(?:dis-?endorsed|deselected|dropped|removed|replaced|suspended)|exit\w*\s+the\s+(?:\w+\s+)?race|quit\w*\s+the\s+"
    r"(?:\w+\s+)?race|leav\w*\s+the\s+(?:\w+\s+)?race|end\w*\s+(?:his|her|their)\s+(?:\w+\s+)?(?:campaign|bid)|"
    r"suspend\w*\s+(?:his|her|their)\s+(?:\w+\s+)?(?:campaign|bid)|abandon\w*\s+(?:his|her|their)\s+"
    r"(?:\w+\s+)?(?:campaign|bid))"
)
CALL_RESIGN = re.compile(
    r"\b(?:resign\w*|step\w*\s+down|stand\s+down(?!\s+as\s+(?:a\s+|the\s+|\w+\s+)?candidate)|"
    r"quit\b(?!\s+(?:the|this|his|her)\s+(?:\w+\s+)?(?:race|contest|campaign))|"
    r"give\s+up\s+(?:his|her|their)\s+seat|quit\w*\s+(?:his|her|their)\s+(?:job|post|office|seat)|"
    r"leave\s+office|vacate\s+(?:his|her|their)\s+(?:seat|office))"
)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    action: str  # an action, or "call" (withdraw and/or resign, read from the `what` group)
    pattern: re.Pattern
    actor: str = "left"  # left, act, speaker, relative (the antecedent of who/which)
    target: str = "tgt"  # tgt, left, accuser, other, focus
    in_quotes: bool = False  # only inside quotations, spoken by the speaker
    modal_ok: bool = False  # a call is modal by nature; other actions are skipped after will/could/…
    hints: tuple[str, ...] = ()  # substrings a sentence must hold for the pattern to be worth trying
    claims: bool = True  # its match keeps later rules off the same words ("denied Kim's claims": both read)


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern)


RULES: tuple[Rule, ...] = (
    # --- calls to withdraw or resign (first: they claim "withdraw from the race")
    Rule("call-on", "call", _r(
        rf"\b(?P<trig>(?:call(?:s|ed|ing)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|push(?:es|ed|ing)?|"
        rf"demand(?:s|ed|ing)?|ask(?:s|ed|ing)?|implor\w+|challeng\w+)\s+(?:on\s+|upon\s+|for\s+)?)"
        rf"(?P<tgt>{GROUP}),?(?:\s+(?:on\s+|late\s+|early\s+|last\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
        rf"saturday|sunday|yesterday|today)(?:\s+(?:morning|afternoon|evening|night))?,?)?\s+to\s+(?P<what>\"?[^.;]{{0,160}})"), modal_ok=True, hints=('call', 'urg', 'press', 'push', 'demand', 'ask', 'implor', 'challeng')),
    Rule("call-for-resignation", "call", _r(
        rf"\b(?P<trig>(?:call(?:s|ed|ing)?\s+for|demand\w*|urg\w+|sought|seek\w*|ask\w*\s+for)\s+"
        rf"(?:the\s+)?)(?P<tgt>{M})'s\s+(?:immediate\s+)?(?P<what>resignation|withdrawal)"),
        modal_ok=True, hints=('call', 'demand', 'urg', 'sought', 'seek', 'ask')),
    Rule("call-for-his-resignation", "call", _r(
        r"\b(?P<trig>(?:call(?:s|ed|ing)?\s+for|demand\w*|urg\w+|sought|seek\w*|ask\w*\s+for)\s+)"
        r"(?:his|her)\s+(?:immediate\s+)?(?P<what>resignation|withdrawal)"), target="his", modal_ok=True,
        hints=('call', 'demand', 'urg', 'sought', 'seek', 'ask')),
    Rule("resignation-of", "call", _r(
        rf"\b(?P<trig>(?:call(?:s|ed|ing)?\s+for|demand\w*|urg\w+|sought|seek\w*|ask\w*\s+for)\s+"
        rf"(?:the\s+)?(?:immediate\s+)?)(?P<what>resignation|withdrawal|disendorsement|deselection)\s+of\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?P<tgt>{GROUP})"), modal_ok=True,
        hints=('resignation', 'withdrawal', 'disendorse', 'deselect')),
    Rule("joined-calls", "call", _r(
        rf"\b(?P<trig>(?:join\w*|add\w*\s+(?:his|her|their|its|my|our)\s+voices?\s+to|echo\w*|renew\w*|"
        rf"reiterat\w*)\s+(?:the\s+|those\s+|a\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){{0,3}}?"
        rf"(?:calls?|those|demands?|chorus)\s+(?:[\w-]+\s+){{0,3}}?(?:for|urging|calling\s+(?:on|for)|demanding|"
        rf"asking|pressing)\s+)(?P<tgt>{GROUP})(?:'s)?\s+(?:to\s+)?(?P<what>\"?[^.;]{{0,160}})"),
        modal_ok=True, hints=('join', 'voice', 'echo', 'renew', 'reiterat')),
    Rule("quoted-should", "call", _r(
        rf"(?P<tgt>{M})\s+(?P<trig>should|must|needs?\s+to|has\s+to|have\s+to|ought\s+to)\s+"
        rf"(?P<what>[^.;\"]{{0,200}})"), actor="speaker", in_quotes=True, modal_ok=True, hints=('should', 'must', 'need', 'has to', 'have to', 'ought')),
    Rule("said-should", "call", _r(
        rf"\b(?P<trig>(?:said|says|saying|argued|insisted|wrote|added|believes?|told\s+[^.;\"⟦]{{0,40}}?)"
        rf"(?:\s+[^.;\"⟦]{{0,60}}?\s+that|\s+that)?\s+)(?P<tgt>{M})\s+\"?"
        rf"(?:should|must|needs?\s+to|has\s+to|ought\s+to)\s+(?P<what>\"?[^.;]{{0,200}})"), modal_ok=True, hints=('should', 'must', 'need', 'has to', 'ought')),
    # --- withdrawals
    Rule("withdraw", "withdraw", _r(
        rf"\b(?P<trig>(?:withdr[ae]w\w*|rescind\w*|revok\w*|retract\w*|pull(?:s|ed|ing)?|yank\w*|"
        rf"drop(?:s|ped|ping)?|(?:took|take|takes|taking|taken)\s+back|suspend\w*))\s+"
        rf"(?:{_W}\s+){{0,2}}?(?:{_OWN}|that|this)\s+(?:{_W}\s+)?{_SUPPORT}"
        rf"(?:\s+(?:of|for|from)\s+(?:{_W}\s+){{0,2}}?(?P<tgt>{GROUP}))?"), hints=('withdr', 'rescind', 'revok', 'retract', 'pull', 'yank', 'drop', 'back', 'suspend')),
    Rule("party-drops", "withdraw", _r(
        rf"\b(?P<trig>(?:dis-?endors(?:e|es|ed|ing)|deselect\w*|drop(?:s|ped|ping)|dump(?:s|ed|ing)|ditch\w*|"
        rf"ax(?:e|es|ed|ing)|disown\w*|sack(?:s|ed|ing)|expel\w*|oust\w*|un-?endors\w*|"
        rf"(?:stood|stands?|standing)\s+down|(?:cut|cuts|cutting|severed|severs|sever)\s+(?:\w+\s+)?ties\s+with|"
        rf"part(?:ed|s)?\s+ways\s+with|cancel\w*|remov(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|withdr[ae]w\w*|"
        rf"(?:suspend\w*|withdr[ae]w\w*|remov\w*|strip\w*)\s+the\s+(?:party\s+)?whip\s+from))\s+"
        rf"(?:{_OWN}\s+(?:[\w-]+\s+){{0,4}}?(?:candidate|nominee)(?:\s+(?:in|for)\s+[^,.⟦]{{0,50}})?,?\s+)?"
        rf"(?P<tgt>{M})(?!'s\s+(?:campaign|bid|candidacy))"
        rf"(?:'s\s+(?:ticket|nomination|candidacy|endorsement|selection))?"
        rf"(?:\s+(?:as|from)\s+(?:{_OWN}\s+|the\s+party's\s+)?(?:[\w-]+\s+)?(?:candidate|nominee|ticket|party|"
        rf"slate|list|caucus)|(?=[\s,.;]|$))"),
        hints=('endors', 'deselect', 'drop', 'dump', 'ditch', 'axe', 'axing', 'disown', 'sack', 'expel', 'oust',
               'stood down', 'stand down', 'stands down', 'standing down', 'ties', 'ways', 'cancel', 'remov',
               'suspend', 'withdr', 'whip')),
    Rule("dropped-as-candidate", "withdraw", _r(
        rf"(?P<tgt>{M})\s+(?:(?:has|had|have)\s+(?:now\s+)?been|was|is|were|been)\s+(?:now\s+)?"
        rf"(?P<trig>(?:dropped|removed|dis-?endorsed|deselected|dumped|disowned|struck\s+off|axed|ditched|sacked|"
        rf"expelled|replaced|stood\s+down|stripped\s+of\s+(?:the\s+|his\s+|her\s+)?(?:party's\s+)?"
        rf"(?:nomination|candidacy|endorsement|whip))"
        rf"(?:\s+as\s+(?:{_OWN}\s+|the\s+party's\s+|an?\s+)?(?:[\w-]+\s+)?(?:candidate|nominee))?)"
        rf"(?:\s+by\s+(?:the\s+)?(?P<act>{M}))?"), actor="org", target="tgt",
        hints=('dropped', 'removed', 'endorsed', 'deselected', 'dumped', 'disowned', 'struck', 'axed', 'ditched',
               'sacked', 'expelled', 'replaced', 'stood down', 'stripped')),
    Rule("no-longer-candidate", "withdraw", _r(
        rf"(?P<tgt>{M})\s+\"?(?:is|was|will\s+be)\s+(?P<trig>no\s+longer)\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
        rf"(?:(?P<act>{M})(?:'s)?\s+|party's\s+|[\w-]+\s+)?(?:[\w-]+\s+)?(?:candidate|nominee|member)"
        rf"(?:\s+(?:for|of)\s+(?:the\s+)?(?P<act2>{M}))?"),
        actor="org", modal_ok=True, hints=('no longer',)),
    Rule("lost-support", "withdraw", _r(
        rf"\b(?P<trig>(?:lost|loses|losing|lose))\s+(?:the\s+|an?\s+)?(?:{_W}\s+)?{_SUPPORT}\s+"
        rf"(?:of|from)\s+(?:{_W}\s+){{0,3}}?(?:,\s+)?(?P<act>{GROUP})"), actor="act", target="left", hints=('lost', 'lose')),
    Rule("no-longer", "withdraw", _r(
        rf"\b(?P<trig>no\s+longer\s+(?:endorses?|endorsing|supports?|supporting|backs?|backing|"
        rf"stands?\s+(?:by|behind)))\s+(?P<tgt>{GROUP})"),
        modal_ok=True, hints=('no longer',)),
    # --- stand-bys
    Rule("stand-by", "stand_by", _r(
        rf"\b(?P<trig>(?:stand(?:s|ing)?|stood)\s+(?:by|behind)|(?:stick(?:s|ing)?|stuck)\s+with|"
        rf"remain(?:s|ed|ing)?\s+(?:behind|with)|continu\w+\s+to\s+(?:support|back|endorse)|"
        rf"still\s+(?:supports?|supporting|backs?|backing|endorses?)|(?:leapt|leaped|came|rallied|rushed|jumped)\s+"
        rf"to\s+(?:the\s+)?defen[cs]e\s+of|defend(?:s|ed|ing)|(?:retain\w*|ha[sd]|expressed|voiced|reaffirm\w*|"
        rf"continu\w+\s+to\s+have)\s+"
        rf"(?:full\s+|every\s+|complete\s+)?confidence\s+in|"
        rf"(?:not|never)\s+(?:going\s+to\s+)?(?:abandon|desert|drop|cancel|walk\s+away\s+from|"
        rf"turn\s+(?:my|our|his|her|its)\s+back\s+on))\s+(?P<tgt>{GROUP})"), modal_ok=True,
        hints=('stand', 'stood', 'stick', 'stuck', 'remain', 'continu', 'still', 'defen', 'confidence', 'abandon',
               'desert', 'drop', 'cancel', 'walk away', 'back on')),
    Rule("retains-support", "stand_by", _r(
        rf"(?P<tgt>{M})\s+(?:still\s+)?(?P<trig>(?:retains?|has|keeps?|continues\s+to\s+have|enjoys?)\s+"
        rf"(?:my|our|his|her|its|their)\s+(?:full\s+|complete\s+|continued\s+)?(?:support|confidence|backing))"),
        actor="sayer", modal_ok=True,
        hints=('retain', 'keep', 'continu', 'enjoy', 'has my', 'has our', 'has his', 'has her', 'has its',
               'has their')),
    Rule("kept-support", "stand_by", _r(
        rf"\b(?P<trig>(?:keeps?|kept|keeping|retains?|retained|retaining|continues\s+to\s+have|still\s+has)\s+"
        rf"{_SUPPORT_OF})\s+(?:[\w'-]+,?\s+){{0,6}}?(?P<act>{GROUP})"),
        actor="act", target="left", modal_ok=True, hints=('support', 'backing', 'endorsement')),
    Rule("endorsement-stands", "stand_by", _r(
        rf"\b(?P<trig>(?:its|their|his|her|our|my|the)\s+(?:\w+\s+)?(?:endorsement|support)\s+"
        rf"(?:of\s+(?P<tgt>{M})\s+)?(?:still\s+)?(?:stands|remains(?:\s+in\s+place)?|is\s+unchanged))"),
        modal_ok=True, hints=('stands', 'remains', 'unchanged')),
    Rule("reiterate", "stand_by", _r(
        rf"\b(?P<trig>(?:reiterat\w+|reaffirm\w+|renew\w+|restat\w+|repeat\w+)\s+{_OWN}\s+"
        rf"(?:{_W}\s+){{0,2}}?(?:support|endorsement|backing)\s+(?:for|of))\s+(?:[\w-]+,?\s+){{0,4}}?"
        rf"(?P<tgt>{GROUP})"), hints=('reiterat', 'reaffirm', 'renew', 'restat', 'repeat')),
    # --- endorsements
    # "endorsed one of his rivals, Pike County Attorney Maren Oakhurst": the person in apposition
    Rule("endorse-rival", "endorse", _r(
        rf"\b(?P<trig>endorse[sd]?|endorsing|backs|backed|(?:threw|throw|throws|throwing|put|puts|putting)\s+"
        rf"{_OWN}\s+(?:{_W}\s+)?(?:support|weight)\s+(?:behind|to))\s+(?:one\s+of\s+)?"
        rf"(?:his|her|their|its|the|(?:{M}|[\w-]+)'s)\s+(?:{_W}\s+){{0,2}}?(?:rivals?|opponents?|challengers?|"
        rf"competitors?|foes?)(?:\s+(?:in|for)\s+[^,⟦;]{{0,40}})?,\s+(?:[\w'-]+\s+){{0,4}}?(?P<tgt>{M})"),
        hints=('rival', 'opponent', 'challenger', 'competitor', 'foe')),
    Rule("endorse", "endorse", _r(
        rf"\b(?P<trig>endorse[sd]?|endorsing|recommend(?:s|ed|ing)?)\s+"
        rf"(?:(?!(?:the|a|an|its|their|his|in|on|for|by|to|as|with|and|of|at)\b)[a-z][\w-]*\s+){{0,2}}"
        rf"(?P<tgt>{GROUP})"), hints=('endors', 'recommend')),
    Rule("endorsed-by", "endorse", _r(
        rf"\b(?P<trig>(?:was|were|been|is|are|being)\s+(?:\w+\s+)?(?:endorsed|backed|supported)\s+"
        rf"(?:[\w-]+\s+){{0,3}}?by)\s+(?:the\s+)?(?P<act>{GROUP})"),
        actor="act", target="left", hints=('endorsed', 'backed', 'supported')),
    Rule("has-support", "endorse", _r(
        rf"\b(?P<trig>(?:has|have|had|enjoys?|enjoyed|holds?|held)\s+{_SUPPORT_OF})\s+(?:[\w'-]+,?\s+){{0,6}}?"
        rf"(?P<act>{GROUP})"), actor="act", target="left", hints=('support', 'backing', 'endorsement')),
    Rule("support-behind", "endorse", _r(
        rf"\b(?P<trig>(?:threw|throw|throws|throwing|put|puts|putting)\s+{_OWN}\s+(?:{_W}\s+)?"
        rf"(?:support|weight)\s+(?:behind|to))\s+(?P<tgt>{GROUP})"), hints=('behind', 'support to', 'weight to')),
    Rule("back", "endorse", _r(rf"\b(?P<trig>backs|backed)\s+(?P<tgt>{GROUP})"), hints=('backs', 'backed')),
    Rule("picked-up", "endorse", _r(
        rf"\b(?P<trig>(?:picked|picking|picks|pick)\s+up|won|wins|winning|received|receives|receiving|"
        rf"secured|secures|securing|earned|earns|earning|landed|lands|gained|gains|got|gets)\s+"
        rf"(?:the\s+|an?\s+|{_W}\s+)?{_SUPPORT}\s+(?:of|from)\s+(?:[\w'-]+,?\s+){{0,6}}?(?P<act>{GROUP})"),
        actor="act", target="left", hints=('endorsement', 'support', 'backing', 'nomination')),
    Rule("announced-endorsement", "endorse", _r(
        rf"\b(?P<trig>(?:announc\w+|gave|give|gives|giving|offer\w*|extend\w*)\s+{_OWN}\s+"
        rf"(?:{_W}\s+)?(?:endorsement|support|backing)\s+(?:of|for|to))\s+(?P<tgt>{GROUP})"), hints=('endorsement', 'support', 'backing')),
    Rule("ranked", "endorse", _r(
        rf"\b(?P<trig>rank(?:s|ed|ing)?)\s+(?P<tgt>{M}\s+(?:as\s+(?:{_OWN}\s+)?)?{_ORDINAL}"
        rf"(?:(?:,\s+and\s+|,\s+|\s+and\s+){M}\s+(?:as\s+(?:{_OWN}\s+)?)?{_ORDINAL})*)"), hints=('rank',)),
    Rule("one-of-backers", "endorse", _r(
        rf"(?P<act>{M}),\s+(?:one\s+of\s+|an?\s+|the\s+)?(?:(?:early|earliest|longtime|key|prominent|top|"
        rf"first|staunch|vocal)\s+)*(?P<tgt>{M})'s\s+(?:(?:earliest|early|longtime|key|biggest|top|most\s+"
        rf"prominent|staunchest|first)\s+)?(?P<trig>backers?|supporters?|endorsers?|allies)"), actor="act", hints=('backer', 'supporter', 'endorser', 'allies', 'ally')),
    Rule("quoted-stand-by", "stand_by", _r(
        rf"\b(?:i|we)(?:'m|'re|\s+am|\s+are|\s+will|'ll|\s+continue\s+to|\s+still)?\s+"
        rf"(?P<trig>(?:stand(?:ing)?|stick(?:ing)?)\s+(?:by|with|behind))\s+"
        rf"(?P<tgt>{GROUP})"), actor="speaker", in_quotes=True, modal_ok=True, hints=('stand', 'stick')),
    Rule("quoted-endorse", "endorse", _r(
        rf"\b(?:i|we)(?:'m|'re|\s+am|\s+are|\s+proudly|\s+are\s+proud\s+to|\s+am\s+proud\s+to)?\s+"
        rf"(?P<trig>endors(?:e|ing))\s+(?P<tgt>{GROUP})"), actor="speaker", in_quotes=True, hints=('endors',)),
    Rule("quoted-withdraw", "withdraw", _r(
        rf"\b(?P<trig>(?:withdraw\w*|rescind\w*|revok\w*|retract\w*|pull\w*))\s+(?:my|our|that|this)\s+"
        rf"(?:\w+\s+)?{_SUPPORT}(?:\s+(?:of|for|from)\s+(?P<tgt>{GROUP}))?"),
        actor="speaker", in_quotes=True, hints=('withdr', 'rescind', 'revok', 'retract', 'pull')),
    Rule("quoted-can-no-longer", "withdraw", _r(
        rf"\b(?:i|we)\s+(?:can|could)\s+(?P<trig>no\s+longer\s+(?:support|endorse|back|stand\s+(?:by|behind)))\s+"
        rf"(?:(?P<tgt>{GROUP})|(?:his|her|their)\s+(?:candidacy|campaign|bid|nomination))"), actor="speaker", in_quotes=True, modal_ok=True, hints=('no longer',)),
    Rule("quoted-still-with", "stand_by", _r(
        rf"\b(?:i|we)(?:'m|'re|\s+am|\s+are|\s+remain|\s+stay)\s+(?P<trig>(?:still\s+|firmly\s+|fully\s+)*"
        rf"(?:with|behind))\s+(?P<tgt>{M})"), actor="speaker", in_quotes=True, modal_ok=True,
        hints=('still with', "'m with", "'re with", 'am with', 'are with', 'remain with', 'stay with', 'behind')),
    Rule("is-with", "stand_by", _r(
        rf"\b(?:is|are|remains?)\s+(?P<trig>(?:still\s+|firmly\s+)?with)\s+(?P<tgt>{M})\s+"
        rf"(?:until|through|all\s+the\s+way)"), modal_ok=True, hints=('until', 'through', 'all the way')),
    # --- accusations
    Rule("accused-by", "accuse", _r(
        rf"\b(?P<trig>(?:was|were|been|being|is|are|has\s+been|had\s+been)\s+accused)\s+(?:{_W}\s+){{0,8}}?by\s+"
        rf"(?:the\s+)?(?:[\w-]+,?\s+){{0,5}}?(?P<act>{GROUP})"),
        actor="act", target="left", hints=('accused',)),
    Rule("accuse", "accuse", _r(rf"\b(?P<trig>accus(?:e|es|ed|ing))\s+(?:the\s+)?(?P<tgt>{M})"), hints=('accus',)),
    Rule("facing-allegations", "accuse", _r(
        rf"\b(?P<trig>fac(?:e|es|ed|ing))\s+(?:[\w-]+\s+){{0,4}}?{_CLAIMS}\s+(?:{_W}\s+){{0,3}}?"
        rf"(?:from|by)\s+(?P<act>{M})"), actor="act", target="left", hints=('fac',)),
    Rule("possessive-allegations", "accuse", _r(
        rf"(?P<act>{M})'s\s+(?:{_W}\s+)?(?P<trig>{_CLAIMS})"), actor="act", target="other", hints=("'s",),
        claims=False),
    Rule("alleged-that", "accuse", _r(
        rf"\b(?P<trig>alleg(?:e|es|ed|ing)\s+(?:[^.;\"⟦]{{0,80}}?\s+)?(?:that\s+)?)(?P<tgt>{M})\s+(?:had|has|was|were|is|would|did|"
        rf"repeatedly|often|once|\w+ed)\b"), hints=('alleg',)),
    Rule("claimed-that", "accuse", _r(
        rf"\b(?P<trig>(?:claim(?:s|ed|ing)?|charg(?:e|es|ed))\s+(?:that\s+)?)"
        rf"(?P<tgt>{M})\s+(?:had\s+|has\s+)?(?:\w+\s+)?{_ALLEGE}"), hints=('claim', 'charg')),
    Rule("said-assaulted", "accuse", _r(
        rf"\b(?P<trig>(?:said|says|told\s+\w+)\s+(?:that\s+)?)(?P<tgt>{M})\s+(?:had\s+|has\s+)?"
        rf"(?:\w+\s+)?{_ALLEGE}"), hints=('said', 'says', 'told')),
    Rule("came-forward", "accuse", _r(
        rf"\b(?P<trig>came\s+forward\s+with\s+(?:{_W}\s+){{0,5}}?{_CLAIMS})\s+(?:{_W}\s+){{0,5}}?"
        rf"against\s+(?P<tgt>{M})"), hints=('came forward',)),
    Rule("allegations-from", "accuse", _r(
        rf"\b(?P<trig>{_CLAIMS})\s+(?:{_W}\s+){{0,4}}?(?:from|by)\s+(?P<act>{M})\s+against\s+(?P<tgt>{M})"),
        actor="act", hints=('allegation', 'accusation', 'claim', 'charge')),
    # --- denials
    Rule("deny", "deny", _r(
        rf"\b(?P<trig>den(?:y|ies|ied|ying)|(?:reject|dismiss|disput|refut|rebut)\w*)\s+(?:the\s+|these\s+|those\s+|her\s+|his\s+|their\s+|all\s+|any\s+)?"
        rf"(?:{M}'s\s+)?(?:{_W}\s+){{0,2}}?(?:{_DENIED}|wrongdoing)"), target="accuser", hints=('den', 'reject', 'dismiss', 'disput', 'refut', 'rebut')),
    Rule("said-untrue", "deny", _r(
        rf"\b(?P<trig>(?:said|says|saying|insisted|maintained|called)\s+(?:that\s+)?(?:{M}'s\s+|the\s+|these\s+|"
        rf"those\s+|her\s+|all\s+)?(?:{_W}\s+){{0,2}}?{_CLAIMS}\s+(?:are|were|was|is)?\s*\"?\s*{_DENIAL})"),
        target="accuser", hints=('true', 'false', 'baseless', 'unfounded', 'lie', 'fabricat', 'made up', 'smear', 'hoax', 'nonsense', 'merit', 'motivated', 'attack')),
    Rule("quoted-untrue", "deny", _r(
        rf"(?P<trig>(?:these|the|those|her|all|such)\s+(?:{_W}\s+)?{_CLAIMS}\s+(?:are|were)\s+{_DENIAL})"),
        actor="speaker", target="accuser", in_quotes=True, hints=('true', 'false', 'baseless', 'unfounded', 'lie', 'fabricat', 'made up', 'smear', 'hoax', 'nonsense', 'merit', 'motivated', 'attack')),
    # --- exits
    Rule("exit", "exit_race", _r(
        rf"\b(?P<trig>(?:dropped|drops|dropping)\s+out(?:\s+of\s+the\s+(?P<race>(?:{_W}\s+){{0,3}}?race))?|"
        rf"withdr[ae]w\w*\s+from\s+the\s+(?P<race2>(?:{_W}\s+){{0,3}}?race)|"
        rf"(?:ended|ends|ending|suspended|suspends|suspending)\s+(?:his|her|their)\s+(?:{_W}\s+)?(?:campaign|bid)|"
        rf"exited\s+the\s+(?:{_W}\s+)?race|conceded)"), target="race", hints=('drop', 'withdr', 'ended', 'ends', 'ending', 'suspend', 'exited', 'conceded')),
)  # fmt: skip

ACTOR_ROLES = {"left": (), "act": ("act",), "speaker": (), "org": (), "sayer": ("tgt",)}
TARGET_ROLES = {"tgt": (), "left": (), "accuser": (), "other": (), "his": (), "race": ("race",)}


def validate(rules: tuple[Rule, ...]) -> None:
    """Every rule's roles are known and its pattern has the groups they need (a `trig` always, a
    `what` for calls, a `tgt` unless the target is found otherwise): raises ValueError naming the rule."""
    from ..graph.actions import ACTIONS

    problems = []
    names = [r.name for r in rules]
    for rule in rules:
        groups = set(rule.pattern.groupindex)
        needed = {"trig"} | set(ACTOR_ROLES.get(rule.actor, ())) | set(TARGET_ROLES.get(rule.target, ()))
        if rule.actor not in ACTOR_ROLES:
            problems.append(f"rule {rule.name}: unknown actor role '{rule.actor}'")
        if rule.target not in TARGET_ROLES:
            problems.append(f"rule {rule.name}: unknown target role '{rule.target}'")
        if rule.target == "tgt" and rule.action not in ("withdraw", "stand_by"):
            needed.add("tgt")  # only withdrawals and stand-bys fall back on the person named next
        if rule.action == "call":
            needed.add("what")
        elif rule.action not in ACTIONS:
            problems.append(f"rule {rule.name}: unknown action '{rule.action}'")
        if missing := needed - groups:
            problems.append(f"rule {rule.name}: pattern lacks group(s) {', '.join(sorted(missing))}")
        if not rule.hints:
            problems.append(f"rule {rule.name}: no hints (the paragraph filter could not admit it)")
        if names.count(rule.name) > 1:
            problems.append(f"rule {rule.name}: name used twice")
    if problems:
        raise ValueError("\n".join(dict.fromkeys(problems)))


validate(RULES)

# Every hint once: a sentence is checked for each, then only rules whose hints it holds are tried.
HINTS: tuple[str, ...] = tuple(sorted({hint for rule in RULES for hint in rule.hints}))
