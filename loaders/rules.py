"""Extraction rules: regular expressions over a sentence's *shape* — the lowercased sentence with
every mention replaced by a placeholder ⟦i⟧ — and where each rule finds its actor and target.

Roles: `left` is the nearest subject-like mention group before the trigger (not possessive, not the
object of a preposition, not inside a relative clause that does not hold the trigger); `act`/`tgt`
are named groups of the pattern; `speaker` is who a quotation is attributed to; `accuser` is who
accused the actor in this article; `other` is another person named in the sentence.
Calls (`call`) take their actions from what the target is called on to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CALL_RESIGN", "CALL_WITHDRAW", "HINTS", "RULES", "Rule", "M", "GROUP"]

M = r"⟦\d+⟧"
GROUP = rf"{M}(?:(?:,\s+and\s+(?:the\s+)?|,\s+or\s+|,\s+|\s+and\s+(?:the\s+)?|\s+&\s+|\s+or\s+){M})*"
_W = r"[\w'-]+"  # a word
_SUPPORT = r"(?:endorsements?|support|backing|nominations?)"
_OWN = r"(?:its|their|his|her|the|our|my)"
_ALLEGE = (
    r"(?:sexually\s+)?(?:assault\w*|harass\w*|grop\w*|abus\w*|kiss\w*|rap(?:ed|ing)|attack\w*|"
    r"forc\w*|coerc\w*|threaten\w*|molest\w*|touch\w*|misconduct|bull(?:ied|ying)|intimidat\w*)"
)
_DENIAL = (
    r"(?:simply\s+|completely\s+|totally\s+|entirely\s+|categorically\s+)?"
    r"(?:not\s+true|untrue|false|baseless|unfounded|lies|fabricated|made\s+up|(?:an?\s+)?(?:baseless\s+|"
    r"malicious\s+|political\s+|politically\s+motivated\s+)*(?:smear|lie|hoax|fabrication|attack)|nonsense|"
    r"without\s+merit|politically\s+motivated)"
)
_CLAIMS = r"(?:allegations?|accusations?|claims?|charges?)"
_ORDINAL = r"(?:first|second|third|fourth|fifth|no\.\s*\d)"

CALL_WITHDRAW = re.compile(
    r"\b(?:withdraw\w*|drop\w*\s+out|step\w*\s+aside|exit\w*\s+the\s+(?:\w+\s+)?race|quit\w*\s+the\s+"
    r"(?:\w+\s+)?race|leav\w*\s+the\s+(?:\w+\s+)?race|end\w*\s+(?:his|her|their)\s+(?:\w+\s+)?(?:campaign|bid)|"
    r"suspend\w*\s+(?:his|her|their)\s+(?:\w+\s+)?(?:campaign|bid)|abandon\w*\s+(?:his|her|their)\s+"
    r"(?:\w+\s+)?(?:campaign|bid))"
)
CALL_RESIGN = re.compile(
    r"\b(?:resign\w*|step\w*\s+down|quit\w*\s+(?:his|her|their)\s+(?:job|post|office|seat)|"
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


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern)


RULES: tuple[Rule, ...] = (
    # --- calls to withdraw or resign (first: they claim "withdraw from the race")
    Rule("call-on", "call", _r(
        rf"\b(?P<trig>(?:call(?:s|ed|ing)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|push(?:es|ed|ing)?|"
        rf"demand(?:s|ed|ing)?|ask(?:s|ed|ing)?|implor\w+|challeng\w+)\s+(?:on\s+|upon\s+|for\s+)?)"
        rf"(?P<tgt>{GROUP})\s+to\s+(?P<what>[^.;\"]{{0,160}})"), modal_ok=True, hints=('call', 'urg', 'press', 'push', 'demand', 'ask', 'implor', 'challeng')),
    Rule("call-for-resignation", "call", _r(
        rf"\b(?P<trig>call(?:s|ed|ing)?\s+for)\s+(?P<tgt>{M})'s\s+(?P<what>resignation|withdrawal)"),
        modal_ok=True, hints=('call',)),
    Rule("quoted-should", "call", _r(
        rf"(?P<tgt>{M})\s+(?P<trig>should|must|needs?\s+to|has\s+to|have\s+to|ought\s+to)\s+"
        rf"(?P<what>[^.;\"]{{0,200}})"), actor="speaker", in_quotes=True, modal_ok=True, hints=('should', 'must', 'need', 'has to', 'have to', 'ought')),
    Rule("said-should", "call", _r(
        rf"\b(?P<trig>(?:said|says|saying|argued|insisted)\s+(?:that\s+)?)(?P<tgt>{M})\s+"
        rf"(?:should|must|needs?\s+to|has\s+to|ought\s+to)\s+(?P<what>[^.;\"]{{0,200}})"), modal_ok=True, hints=('should', 'must', 'need', 'has to', 'ought')),
    # --- withdrawals
    Rule("withdraw", "withdraw", _r(
        rf"\b(?P<trig>(?:withdr[ae]w\w*|rescind\w*|revok\w*|retract\w*|pull(?:s|ed|ing)?|yank\w*|"
        rf"drop(?:s|ped|ping)?|(?:took|take|takes|taking|taken)\s+back|suspend\w*))\s+"
        rf"(?:{_W}\s+){{0,2}}?{_OWN}\s+(?:{_W}\s+)?{_SUPPORT}"
        rf"(?:\s+(?:of|for|from)\s+(?:{_W}\s+){{0,2}}?(?P<tgt>{GROUP}))?"), hints=('withdr', 'rescind', 'revok', 'retract', 'pull', 'yank', 'drop', 'back', 'suspend')),
    Rule("lost-support", "withdraw", _r(
        rf"\b(?P<trig>(?:lost|loses|losing|lose))\s+(?:the\s+|an?\s+)?(?:{_W}\s+)?{_SUPPORT}\s+"
        rf"(?:of|from)\s+(?:{_W}\s+){{0,3}}?(?:,\s+)?(?P<act>{GROUP})"), actor="act", target="left", hints=('lost', 'lose')),
    Rule("no-longer", "withdraw", _r(
        rf"\b(?P<trig>no\s+longer\s+(?:endorses?|supports?|backs?|stands?\s+(?:by|behind)))\s+(?P<tgt>{GROUP})"),
        modal_ok=True, hints=('no longer',)),
    # --- stand-bys
    Rule("stand-by", "stand_by", _r(
        rf"\b(?P<trig>(?:stand(?:s|ing)?|stood)\s+(?:by|behind)|(?:stick(?:s|ing)?|stuck)\s+with|"
        rf"remain(?:s|ed|ing)?\s+(?:behind|with)|continu\w+\s+to\s+(?:support|back|endorse)|"
        rf"still\s+(?:supports?|backs?|endorses?))\s+(?P<tgt>{GROUP})"), modal_ok=True, hints=('stand', 'stood', 'stick', 'stuck', 'remain', 'continu', 'still')),
    Rule("reiterate", "stand_by", _r(
        rf"\b(?P<trig>(?:reiterat\w+|reaffirm\w+|renew\w+|restat\w+|repeat\w+)\s+{_OWN}\s+"
        rf"(?:{_W}\s+){{0,2}}?(?:support|endorsement|backing)\s+(?:for|of))\s+(?:[\w-]+,?\s+){{0,4}}?"
        rf"(?P<tgt>{GROUP})"), hints=('reiterat', 'reaffirm', 'renew', 'restat', 'repeat')),
    # --- endorsements
    Rule("endorse", "endorse", _r(rf"\b(?P<trig>endorse[sd]?|endorsing)\s+(?P<tgt>{GROUP})"), hints=('endors',)),
    Rule("endorsed-by", "endorse", _r(
        rf"\b(?P<trig>(?:was|were|been|is|are)\s+(?:\w+\s+)?endorsed\s+by)\s+(?:the\s+)?(?P<act>{GROUP})"),
        actor="act", target="left", hints=('endorsed',)),
    Rule("support-behind", "endorse", _r(
        rf"\b(?P<trig>(?:threw|throw|throws|throwing|put|puts|putting)\s+{_OWN}\s+(?:{_W}\s+)?"
        rf"(?:support|weight)\s+behind)\s+(?P<tgt>{GROUP})"), hints=('behind',)),
    Rule("back", "endorse", _r(rf"\b(?P<trig>backs|backed)\s+(?P<tgt>{GROUP})"), hints=('backs', 'backed')),
    Rule("picked-up", "endorse", _r(
        rf"\b(?P<trig>(?:picked|picking|picks|pick)\s+up|won|wins|winning|received|receives|receiving|"
        rf"secured|secures|securing|earned|earns|earning|landed|lands|gained|gains|got|gets)\s+"
        rf"(?:the\s+|an?\s+|{_W}\s+)?{_SUPPORT}\s+(?:of|from)\s+(?:{_W}\s+){{0,2}}?(?P<act>{GROUP})"),
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
        rf"\b(?:i|we)(?:'m|'re|\s+am|\s+are|\s+have|'ve|\s+hereby)?\s+(?P<trig>(?:withdraw\w*|rescind\w*|"
        rf"revok\w*|pull\w*))\s+(?:my|our)\s+(?:\w+\s+)?{_SUPPORT}\s+(?:of|for|from)\s+(?P<tgt>{GROUP})"),
        actor="speaker", in_quotes=True, hints=('withdr', 'rescind', 'revok', 'pull')),
    # --- accusations
    Rule("accused-by", "accuse", _r(
        rf"\b(?P<trig>(?:was|were|been|being|is|are|has\s+been|had\s+been)\s+accused)\s+(?:{_W}\s+){{0,8}}?by\s+"
        rf"(?:the\s+)?(?:[\w-]+,?\s+){{0,5}}?(?P<act>{GROUP})"),
        actor="act", target="left", hints=('accused',)),
    Rule("accuse", "accuse", _r(rf"\b(?P<trig>accus(?:e|es|ed|ing))\s+(?P<tgt>{M})"), hints=('accus',)),
    Rule("facing-allegations", "accuse", _r(
        rf"\b(?P<trig>fac(?:e|es|ed|ing))\s+(?:[\w-]+\s+){{0,4}}?{_CLAIMS}\s+(?:{_W}\s+){{0,3}}?"
        rf"(?:from|by)\s+(?P<act>{M})"), actor="act", target="left", hints=('fac',)),
    Rule("possessive-allegations", "accuse", _r(
        rf"(?P<act>{M})'s\s+(?:{_W}\s+)?(?P<trig>{_CLAIMS})"), actor="act", target="other", hints=("'s",)),
    Rule("alleged-that", "accuse", _r(
        rf"\b(?P<trig>alleg(?:e|es|ed|ing)\s+(?:that\s+)?)(?P<tgt>{M})\s+(?:had|has|was|were|is|would|did|"
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
        rf"\b(?P<trig>den(?:y|ies|ied|ying))\s+(?:the\s+|these\s+|those\s+|her\s+|his\s+|their\s+|all\s+|any\s+)?"
        rf"(?:{_W}\s+){{0,2}}?(?:{_CLAIMS}|wrongdoing)"), target="accuser", hints=('den',)),
    Rule("said-untrue", "deny", _r(
        rf"\b(?P<trig>(?:said|says|saying|insisted|maintained|called)\s+(?:that\s+)?(?:the\s+|these\s+|"
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

# Every hint once: a sentence is checked for each, then only rules whose hints it holds are tried.
HINTS: tuple[str, ...] = tuple(sorted({hint for rule in RULES for hint in rule.hints}))
