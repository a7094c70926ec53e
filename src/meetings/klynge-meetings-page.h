/* klynge-meetings-page.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-page.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_MEETINGS_PAGE (klynge_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMeetingsPage, klynge_meetings_page, KLYNGE, MEETINGS_PAGE, KlyngePage)

G_END_DECLS
