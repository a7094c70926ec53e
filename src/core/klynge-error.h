/* klynge-error.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KLYNGE_ERROR (klynge_error_quark ())

/**
 * KlyngeError:
 * @KLYNGE_ERROR_FAILED: anything not covered below
 * @KLYNGE_ERROR_NOT_A_DATABASE: the file is not a Klynge (or SQLite) database
 * @KLYNGE_ERROR_CORRUPT: the database file is damaged
 * @KLYNGE_ERROR_TOO_NEW: the file was written by a newer Klynge
 * @KLYNGE_ERROR_READ_ONLY: the file or its folder cannot be written
 * @KLYNGE_ERROR_BUSY: another program holds the file for too long
 * @KLYNGE_ERROR_CONSTRAINT: the change breaks a rule of the data (duplicate, negative count…)
 * @KLYNGE_ERROR_INVALID: input that cannot be accepted (malformed value, missing field)
 * @KLYNGE_ERROR_NOT_FOUND: the object asked for does not exist
 * @KLYNGE_ERROR_IO: reading or writing a file failed
 * @KLYNGE_ERROR_PARSE: a file could not be read as what it claims to be
 * @KLYNGE_ERROR_CANCELLED: the user cancelled; nothing was changed
 *
 * Every message carried by a #KlyngeError is translated and meant for the user.
 */
typedef enum
{
  KLYNGE_ERROR_FAILED,
  KLYNGE_ERROR_NOT_A_DATABASE,
  KLYNGE_ERROR_CORRUPT,
  KLYNGE_ERROR_TOO_NEW,
  KLYNGE_ERROR_READ_ONLY,
  KLYNGE_ERROR_BUSY,
  KLYNGE_ERROR_CONSTRAINT,
  KLYNGE_ERROR_INVALID,
  KLYNGE_ERROR_NOT_FOUND,
  KLYNGE_ERROR_IO,
  KLYNGE_ERROR_PARSE,
  KLYNGE_ERROR_CANCELLED,
} KlyngeError;

GQuark klynge_error_quark (void);

G_END_DECLS
