"""Classify a cleaned Document into an ArticlePlan: pages, relations and body blocks.

The classifier decides, for every part of the article, what it is -- the main
condition, another condition, a cause, a treatment, a medicine, symptoms, a
warning, an exercise list or plain content -- and records why on the plan
(``Decision(part, as_, because)``). Its rules are general (cue patterns and
vocabularies in ``importer/data``, see :mod:`..rules`); nothing is written for one
article and nothing medical is invented: text that cannot be mapped with
confidence stays as rich text where it was.

It is a set of small recognisers, each in its own module:

- :mod:`.subject`: what the article is about (its main condition);
- :mod:`.sections`: what each section is, from its heading and place;
- :mod:`.paragraphs`: the paragraphs and lists of a section;
- :mod:`.entities`: conditions, causes, treatments and medicines named in text;
- :mod:`.warnings`: advice to get help, and how urgent it is;
- :mod:`.exercises`: exercise lists, their steps, doses and cautions;
- :mod:`.fit`: the finished blocks fitted to the body StreamBlock's limits.

They share one :class:`.context.Context`: the rules, the plan being built and the
registry of entity pages.
"""

from .article import classify

__all__ = ["classify"]
