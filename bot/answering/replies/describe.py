"""what / who / why / where / how many: the stored sentence that answers, or the agreement's provisions."""

from __future__ import annotations

from bot.answering import compose as C
from bot.answering.analyze import text_term_set
from bot.answering.context import Candidate, Ctx
from bot.answering.cues import SUBJECTS
from bot.answering.declines import decline
from bot.answering.doubt import doubt, parties_named, party_count_asked
from bot.answering.evidence import best_sentence, best_source, quote_and_source, short
from bot.answering.quantities import SIZE_ASKED, route_unstated
from bot.answering.query import Query
from bot.answering.store import FactStore
from bot.answering.types import Answer, Block
from bot.i18n import t
from bot.snapshot import EventView, PointView


def answer_describe(store: FactStore, ctx: Ctx, cands: list[Candidate]) -> Answer:
    """what / who / why / where / how many: the sentence of the stored text that answers it."""
    q, lang = ctx.q, ctx.lang
    kind = q.intent.kind
    best = cands[0]
    if kind == "what" and q.concepts() & {"AGREE", "RESULT"}:
        if isinstance(best.item, EventView) and best.item.kind == "agreement":
            return answer_agreement(store, ctx, best, cands)
        asked = [g for g in q.known_groups if not g.context and not g.is_entity]
        agreement = agreement_among(cands, min_coverage=best.coverage)
        if agreement is not None and asked and all("AGREE" in g.concepts for g in asked):
            # "ne üzerinde anlaşıldı?" (what was agreed?): nothing but agreeing is asked — the agreement
            return answer_agreement(store, ctx, agreement, cands)
    if party_count_asked(q) and parties_named(store, best):
        return answer_party_count(store, ctx, best, cands)
    # A "why" may be answered by another fact's reason, but only one on the same topic: every word
    # the best fact matches that is not a name ("why is Moscow ANGRY at Ankara": not the Ankara talks).
    topic_mask = sum(1 << i for i, g in enumerate(q.known_groups) if not g.is_entity and not g.context) & best.mask
    pool = [best] + [c for c in cands[1: 8 if kind == "why" else 3] if doubt(store, q, c) is None
                     and (kind != "why" or c.mask & topic_mask == topic_mask)]
    if q.about_document and isinstance(best.item, PointView):
        pool = [best]  # "what does the deal say about the corridor": that provision's own words
    elif kind == "who" and "SUPPORT" in q.concepts():
        pool = [best]  # "who's on which side in Idlib": the fact saying who backs whom, said whole
    pick = best_sentence(store, ctx, pool)
    if kind == "how_many":
        if pick is None:  # best_sentence only picks, for a how-many question, a sentence with the number
            return decline(store, lang, kind, "decline_unrecorded", ctx.negotiation_id, closest=cands[:1], ctx=ctx)
        cand, sentence = pick
        if route_unstated(q.folded, sentence):
            # "how many km from Trumba to Ain al-Havr": "Trumba (2 km west of Saraqib)" measures something else
            return decline(store, lang, kind, "decline_unrecorded", ctx.negotiation_id)
        terms = text_term_set(sentence, lang) | store.title_terms.get(cand.doc, frozenset())
        groups = q.known_groups
        # A size word ("büyük", "boyutta") says what is asked, not what about.
        groups = [g for g in groups if g.hits(terms) or not (SIZE_ASKED.fullmatch(g.word) or "WIDTH" in g.concepts)]
        total = sum(g.weight for g in groups) + 0.6 * len(q.unknown)
        covered = sum(g.weight for g in groups if g.hits(terms))
        for g in groups:
            if g.is_entity and g.weight > 0 and not g.hits(terms):
                return decline(store, lang, kind, "decline_unrecorded", ctx.negotiation_id)
            if g.weight > 0 and g.concepts & SUBJECTS and not g.is_action and not g.hits(terms):
                # "how many civilians died during the ceasefire": a war-wide toll is not that number
                return decline(store, lang, kind, "decline_unrecorded", ctx.negotiation_id)
        if total and covered / total < 0.55:
            return decline(store, lang, kind, "decline_unrecorded", ctx.negotiation_id)
    cand, sentence = pick if pick else (best, best.item.title_in(lang))
    item = cand.item
    when = item.when if isinstance(item, EventView) else item.status_since
    status = item.status
    parts = C.date_parts(when, status, ctx.now, lang, ctx.zone)
    title = item.title_in(lang)
    blocks: list[Block] = []
    if kind == "where" and isinstance(item, EventView) and item.place:
        blocks.append(Block("headline", C.fill("where_headline", lang, title=title, place=item.place,
                                               date=parts["date"])))
        if sentence == title:
            extra = best_sentence(store, ctx, [cand], exclude_title=True)
            sentence = extra[1] if extra else sentence
        if sentence != title:
            blocks.append(Block("detail", sentence))
    elif sentence == title:
        blocks.append(Block("headline", C.fill("when_headline", lang, title=title, **parts)))
        if item.details_in(lang):
            blocks.append(Block("detail", short(item.details_in(lang))))
    else:
        blocks.append(Block("headline", sentence))
        blocks.append(Block("detail", C.fill("dated_line", lang, title=title, **parts)))
    also = same_day_statement(store, q, cand, cands)
    if also is not None:
        # "what did Akar say on Thursday": he made two statements that day — both, the best first
        blocks.append(Block("detail", C.fill("also_said", lang, title=also.item.title_in(lang))))
    source = best_source(item, q)
    blocks += quote_and_source(source, lang, skip=sentence)
    event_id = item.id if isinstance(item, EventView) and item.when.starts_at else None
    matches = [C.match_of(item, cand.score, lang, source=source)]
    matches += [C.match_of(c.item, c.score, lang) for c in cands[:3] if c.item is not item][:2]
    return Answer(True, lang, kind, tuple(blocks), tuple(matches), event_id)


def answer_party_count(store: FactStore, ctx: Ctx, best: Candidate, cands: list[Candidate]) -> Answer:
    """"How many countries carry out the patrols?": the parties the fact names, counted."""
    lang, item = ctx.lang, best.item
    names = [t("country_" + c.lower(), lang) for c in parties_named(store, best)]
    when = item.when if isinstance(item, EventView) else item.status_since
    parts = C.date_parts(when, item.status, ctx.now, lang, ctx.zone)
    blocks = [Block("headline", C.fill("party_count", lang, count=str(len(names)), names=t("and", lang).join(names))),
              Block("detail", C.fill("when_headline", lang, title=item.title_in(lang), **parts))]
    source = best_source(item, ctx.q)
    blocks += quote_and_source(source, lang)
    matches = [C.match_of(item, best.score, lang, source=source)]
    matches += [C.match_of(c.item, c.score, lang) for c in cands[1:3]]
    return Answer(True, lang, ctx.q.intent.kind, tuple(blocks), tuple(matches),
                  item.id if isinstance(item, EventView) and item.when.starts_at else None)


def same_day_statement(store: FactStore, q: Query, chosen: Candidate, cands: list[Candidate]) -> Candidate | None:
    """Another statement by the speaker asked about, made the same day, close in score."""
    item = chosen.item
    named = [g for g in q.known_groups if g.is_entity and not g.context]
    if q.intent.kind != "what" or "SAY" not in q.concepts() or not named or not isinstance(item, EventView) \
            or item.kind != "statement":
        return None
    top = cands[0].score
    for c in cands[:4]:
        other = c.item
        if other is item or not isinstance(other, EventView) or other.kind != "statement" or c.score < 0.5 * top \
                or other.when.starts_at != item.when.starts_at:
            continue
        said_by = store.attribution_terms(c.doc, other) | store.title_terms.get(c.doc, frozenset())
        if all(g.hits(said_by) for g in named):
            return c
    return None


def agreement_among(cands: list[Candidate], min_coverage: float = 0.0) -> Candidate | None:
    """The agreement among the best few facts ("what was agreed", "summary of the deal")."""
    return next((c for c in cands[:3] if isinstance(c.item, EventView) and c.item.kind == "agreement"
                 and c.coverage >= min_coverage), None)


def answer_agreement(store: FactStore, ctx: Ctx, best: Candidate, cands: list[Candidate]) -> Answer:
    """"What was agreed?": the agreement, then each provision linked to it with its status."""
    lang, item = ctx.lang, best.item
    assert isinstance(item, EventView)
    parts = C.date_parts(item.when, item.status, ctx.now, lang, ctx.zone)
    blocks = [Block("headline", C.fill("when_headline", lang, title=item.title_in(lang), **parts))]
    if item.details_in(lang):
        blocks.append(Block("detail", item.details_in(lang)))
    points = [p for p in store.points.values() if p.negotiation_id == item.negotiation_id
              and any(st.event_id == item.id for st in p.history)]
    if points:
        lines = [t("agreed_intro", lang)]
        for p in sorted(points, key=lambda p: p.id):
            since = p.status_since
            lines.append(C.fill("point_line", lang, title=p.title_in(lang),
                                status=C.status_label(p.status, lang),
                                date=C.format_when(since, lang, ctx.zone) if since else ""))
        blocks.append(Block("detail", "\n".join(lines)))
    source = best_source(item, ctx.q)
    blocks += quote_and_source(source, lang)
    matches = [C.match_of(item, best.score, lang, source=source)]
    matches += [C.match_of(p, best.score * 0.9, lang) for p in points[:3]]
    return Answer(True, lang, "what", tuple(blocks), tuple(matches), item.id)
