/* klynge-application.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_APPLICATION (klynge_application_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeApplication, klynge_application, KLYNGE, APPLICATION, AdwApplication)

KlyngeApplication *klynge_application_new (void);

G_END_DECLS
