#!/bin/sh
# `npm run test:flows`: `support-finder check` on every flow in flows/, then every flow test.
#
# --allow-gaps: the example flows have gaps on purpose, and each is covered by the helplines the
# outcome always includes (`alwaysInclude`), which are shown whatever was answered. The gaps,
# as `support-finder check flows/*.json` lists them, are these:
#
# uk-young-people.json
#   - "Send text messages" or "Send an email" as the only way to get support: the only text and
#     email services are Shout and Samaritans, which are always included rather than matched.
#   - "Chat online" under 11 or over 25: Kooth (11 to 25) is the only chat service in the lists;
#     Childline (always included, under 19) chats with under-11s.
#   - "Someone close has died" or eating worries with "Talk to a counsellor" or "Chat online":
#     Hope Again, Cruse and Beat offer neither. Childline, Samaritans and Shout are shown.
#   - "Someone close has died" with "Talk on the phone" and no nation (or Northern Ireland):
#     NHS 111 is for England, Scotland and Wales only.
#   - Over 25 with "Talk to a counsellor": the national counselling services stop at 25.
# exampleshire.json
#   - Under 11 with "Talk on the phone", "Online" or "Send text messages": no local service is
#     for under-11s that way; Childline, NHS 111 and Samaritans are always shown.
#   - "A group" or "A drop-in" for needs no local group or drop-in helps with (anxiety, school,
#     relationships, bereavement, identity at some ages).
#   - results-national: "Meet someone in person", "A group", "A drop-in" or "Send text messages"
#     (national services are by phone and online), and counselling over 25.
# Remove --allow-gaps to see them as errors; add a service or change an outcome to close one.
set -e
node dist/cli.js check --allow-gaps flows/*.json
node dist/cli.js test
