# make-reference.R — reference values for tests/charts/test-stats.c, computed
# independently of Klynge's C code with base R (Debian 12 r-base-core 4.2.2).
#
# Regenerate from the top of the source tree with:
#
#   Rscript tests/charts/reference/make-reference.R tests/charts/reference
#
# The tests read only the tables this writes; nothing here runs in the suite.
#
# Copyright 2026 The Klynge authors
# SPDX-License-Identifier: GPL-3.0-or-later

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "."
write_table <- function(frame, name) {
  write.table(frame, file.path(out, name), sep = "\t", quote = FALSE, row.names = FALSE)
}

# 1. Flags by exact two-sided tail probabilities: below when P(X <= x) < tail,
#    above when P(X >= x) < tail; tails 0.001 (99.8 %) and 0.025 (95 %).
flag <- function(x, n, p) {
  below <- pbinom(x, n, p)
  above <- pbinom(x - 1, n, p, lower.tail = FALSE)
  ifelse(below < 0.001, -2, ifelse(above < 0.001, 2,
         ifelse(below < 0.025, -1, ifelse(above < 0.025, 1, 0))))
}
flags <- expand.grid(n = 1:200, target = c(0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99))
flags <- rbind(transform(flags, x = n), transform(flags, x = 0))
flags$flag <- flag(flags$x, flags$n, flags$target)
write_table(flags[, c("target", "n", "x", "flag")], "flags.tsv")

# 2. Over-dispersion as Spiegelhalter (Qual Saf Health Care 2005;14:347) and
#    FunnelPlotR ("PR" data): arcsine-root z-scores against the pooled
#    proportion, winsorised at the 10th and 90th percentiles (type 7), phi,
#    the chi-square test of n*phi on n - 1 df, and the DerSimonian-Laird tau^2.
dispersion <- function(name, num, den) {
  target <- sum(num) / sum(den)
  s <- 1 / (2 * sqrt(den))
  z <- (asin(sqrt(num / den)) - asin(sqrt(target))) / s
  q <- quantile(z, c(0.1, 0.9), type = 7, names = FALSE)
  zw <- pmin(pmax(z, q[1]), q[2])
  n <- length(z)
  phi <- sum(zw^2) / n
  w <- 1 / s^2
  tau2 <- if (n * phi > n - 1) (n * phi - (n - 1)) / (sum(w) - sum(w^2) / sum(w)) else 0
  limit <- function(m, coverage, side) {
    v <- asin(sqrt(target)) + side * qnorm(1 - (1 - coverage) / 2) * sqrt(1 / (4 * m) + tau2)
    sin(pmin(pmax(v, 0), pi / 2))^2
  }
  ns <- c(50, 100, 250, 500, 1000)
  list(summary = data.frame(set = name, n = n, target = target, phi = phi,
                            p = pchisq(n * phi, n - 1, lower.tail = FALSE), tau2 = tau2),
       limits = data.frame(set = name, m = ns, lo95 = limit(ns, 0.95, -1), hi95 = limit(ns, 0.95, 1),
                           lo998 = limit(ns, 0.998, -1), hi998 = limit(ns, 0.998, 1)),
       data = data.frame(set = name, numerator = num, denominator = den))
}
sets <- list()
# The demo cluster's HbA1c in 2026-Q1 (src/core/model/klynge-demo.c).
sets[[1]] <- dispersion("demo-hba1c",
                        c(237, 195, 182, 347, 133, 207, 145, 259, 176),
                        c(315, 350, 246, 402, 194, 315, 199, 386, 248))
# 30 clinics whose true proportions spread with a logit SD of 0.4 around 75 %.
set.seed(2005)
den <- sample(80:600, 30, replace = TRUE)
num <- rbinom(30, den, plogis(qlogis(0.75) + rnorm(30, sd = 0.4)))
sets[[2]] <- dispersion("logit-sd-0.4", num, den)
# 60 clinics near 97 %, chance alone.
den <- sample(40:400, 60, replace = TRUE)
num <- rbinom(60, den, 0.97)
sets[[3]] <- dispersion("sixty-near-97", num, den)
# Published data: the "Surgical" example of the BUGS manual (Spiegelhalter,
# Thomas, Best & Gilks, BUGS 0.5 Examples Volume 1, MRC Biostatistics Unit
# 1996; OpenBUGS Examples, "Surgical: Institutional ranking"): deaths r of n
# operations on babies in 12 hospitals, the standard teaching example of
# hospitals that differ more than chance explains. Taken as "survived", the
# way Klynge's indicators count what went well.
surgical_n <- c(47, 148, 119, 810, 211, 196, 148, 215, 207, 97, 256, 360)
surgical_r <- c(0, 18, 8, 46, 8, 13, 9, 31, 14, 8, 29, 24)
sets[[4]] <- dispersion("bugs-surgical", surgical_n - surgical_r, surgical_n)
# Eleven clinics: nine at 31 of 100, two far off (tests/charts/test-chart.c).
sets[[5]] <- dispersion("nine-and-two", c(rep(31, 9), 90, 43), c(rep(100, 9), 150, 279))
write_table(do.call(rbind, lapply(sets, `[[`, "summary")), "dispersion.tsv")
write_table(do.call(rbind, lapply(sets, `[[`, "limits")), "dispersion-limits.tsv")
write_table(do.call(rbind, lapply(sets, `[[`, "data")), "dispersion-data.tsv")

# 3. The Anhøj rules as qicharts2 defines them (runs.analysis() in its
#    R/helper.functions.R): points on the centre line are not useful; longest
#    run of useful points on one side against round(log2(n)) + 3; crossings
#    against qbinom(0.05, n - 1, 0.5). A run chart's centre line is the
#    median, an I chart's the mean.
anhoej <- function(name, y, centre) {
  y <- y[!is.na(y)]
  cl <- if (centre == "mean") mean(y) else median(y)
  side <- sign(y - cl)
  side <- side[side != 0]
  n <- length(side)
  runs <- rle(side)$lengths
  data.frame(set = name, centre = centre, n_useful = n, longest = max(runs), longest_max = round(log2(n)) + 3,
             crossings = length(runs) - 1, crossings_min = qbinom(0.05, n - 1, 0.5),
             long_run = as.integer(max(runs) > round(log2(n)) + 3),
             few_crossings = as.integer(length(runs) - 1 < qbinom(0.05, n - 1, 0.5)))
}
series <- list()
# qicharts2's vignette ("Quality Improvement Charts", J. Anhøj): set.seed(19),
# 24 normal numbers; then a spike at 22; then a shift of 2 SD from 13 on.
# The vignette shows qic(y) (a run chart, around the median) and
# qic(y, chart = 'i') (around the mean); its text says both rules fire on the
# shift, which is the I chart: runs-published.tsv holds the summary it prints.
set.seed(19)
y <- rnorm(24)
series[["qicharts2-random"]] <- y
y[22] <- 4
series[["qicharts2-spike"]] <- y
y[13:24] <- rnorm(12, mean = 2)
series[["qicharts2-shift"]] <- y
series[["trend-20"]] <- 1:20 + 0.5 * sin(1:20)
series[["alternating-16"]] <- rep(c(0.6, 0.7), 8)
series[["on-the-median-15"]] <- c(5, 5, 5, 4, 6, 5, 4, 6, 5, 3, 7, 5, 4, 6, 5)
series[["with-gaps-14"]] <- c(0.61, NA, 0.63, 0.60, 0.64, NA, 0.66, 0.67, 0.68, 0.70, 0.69, 0.71, 0.72, 0.74)
series[["nine-points"]] <- c(0.6, 0.62, 0.61, 0.64, 0.63, 0.65, 0.66, 0.64, 0.67)
runs <- do.call(rbind, Map(anhoej, names(series), series, "median"))
qic_i <- c("qicharts2-random", "qicharts2-spike", "qicharts2-shift")
runs <- rbind(runs, do.call(rbind, Map(anhoej, qic_i, series[qic_i], "mean")))
write_table(runs, "runs.tsv")
write_table(do.call(rbind, Map(function(name, y) data.frame(set = name, i = seq_along(y), value = y),
                               names(series), series)), "runs-series.tsv")

# 4. Rates: Spiegelhalter's interpolated Poisson limits (Stat Med
#    2005;24:1185, appendix A.1.2) and the exact (Garwood) interval.
poisson_limit <- function(target, m, q) {
  lambda <- target * m
  r <- qpois(q, lambda)
  alpha <- (ppois(r, lambda) - q) / (ppois(r, lambda) - ppois(r - 1, lambda))
  pmax(0, (r - alpha) / m)
}
poisson <- expand.grid(target = c(0.002, 0.01, 0.05, 0.2), m = c(100, 500, 1000, 5000, 20000))
poisson$lo95 <- poisson_limit(poisson$target, poisson$m, 0.025)
poisson$hi95 <- poisson_limit(poisson$target, poisson$m, 0.975)
poisson$lo998 <- poisson_limit(poisson$target, poisson$m, 0.001)
poisson$hi998 <- poisson_limit(poisson$target, poisson$m, 0.999)
write_table(poisson, "poisson-limits.tsv")
garwood <- data.frame(events = c(0, 1, 5, 20, 100), exposure = c(1000, 1000, 2500, 4000, 10000))
garwood$lower <- ifelse(garwood$events == 0, 0, qchisq(0.025, 2 * garwood$events) / 2) / garwood$exposure
garwood$upper <- qchisq(0.975, 2 * garwood$events + 2) / 2 / garwood$exposure
write_table(garwood, "poisson-intervals.tsv")

# 5. Before and after: Newcombe's hybrid score interval (method 10) from the
#    Wilson intervals R's prop.test gives without continuity correction.
newcombe <- function(x1, n1, x2, n2) {
  w1 <- prop.test(x1, n1, correct = FALSE)$conf.int
  w2 <- prop.test(x2, n2, correct = FALSE)$conf.int
  p1 <- x1 / n1
  p2 <- x2 / n2
  d <- p2 - p1
  data.frame(x1 = x1, n1 = n1, x2 = x2, n2 = n2, difference = d,
             lower = d - sqrt((p2 - w2[1])^2 + (w1[2] - p1)^2),
             upper = d + sqrt((w2[2] - p2)^2 + (p1 - w1[1])^2))
}
write_table(rbind(newcombe(56, 70, 48, 80), newcombe(9, 10, 3, 10), newcombe(1647, 2455, 1826, 2455),
                  newcombe(5, 56, 0, 29)), "differences.tsv")

# 6. P and Laney P' charts of the cluster over time, as qicharts2's qic.p()
#    and qic.pprime() (R/qic.charts.R) compute them: centre p = sum(x)/sum(n),
#    limits p +/- 3 sd, sd = sqrt(p(1 - p)/n), for P' times sigma_z, the mean
#    absolute difference of neighbouring z-scores over 1.128; cut to [0, 1].
p_chart <- function(name, x, n) {
  cl <- sum(x, na.rm = TRUE) / sum(n, na.rm = TRUE)
  sd <- sqrt(cl * (1 - cl) / n)
  z <- (x / n - cl) / sd
  sigma_z <- mean(abs(diff(z)), na.rm = TRUE) / 1.128
  limits <- function(s) list(lcl = pmax(cl - 3 * s, 0), ucl = pmin(cl + 3 * s, 1))
  p <- limits(sd)
  pp <- limits(sd * sigma_z)
  list(summary = data.frame(set = name, centre = cl, sigma_z = sigma_z),
       points = data.frame(set = name, i = seq_along(x), numerator = x, denominator = n,
                           p_lcl = p$lcl, p_ucl = p$ucl, pp_lcl = pp$lcl, pp_ucl = pp$ucl))
}
charts <- list()
# Twelve quarters of a large cluster whose level wanders more than
# chance: P' widens the limits (sigma_z > 1).
set.seed(1012)
n <- sample(2000:2600, 12)
charts[[1]] <- p_chart("wandering-12", rbinom(12, n, plogis(qlogis(0.7) + rnorm(12, sd = 0.15))), n)
# Ten quarters of a small cluster, chance alone, one quarter missing.
n <- sample(40:90, 10)
x <- rbinom(10, n, 0.85)
x[4] <- NA
n[4] <- NA
charts[[2]] <- p_chart("small-with-gap-10", x, n)
# Fifteen months that alternate: less spread than chance (sigma_z < 1).
n <- rep(c(300, 320, 310), 5)
charts[[3]] <- p_chart("steady-15", round(n * 0.5) + rep(c(-1, 1, 0), 5), n)
write_table(do.call(rbind, lapply(charts, `[[`, "summary")), "p-chart.tsv")
write_table(do.call(rbind, lapply(charts, `[[`, "points")), "p-chart-data.tsv")
