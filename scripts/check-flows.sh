#!/bin/sh
# `npm run test:flows`: `support-finder check` on every flow in flows/, then every flow test,
# then that each flow's sign-off table (docs/sign-off/, `npm run sign-off`) is current.
# Gaps a flow has on purpose are declared in its own `knownGaps`, each with the reason, so the
# check reports them as known and fails on any new one.
set -e
node dist/cli.js check flows/*.json
node dist/cli.js test
node scripts/sign-off.mjs --check
