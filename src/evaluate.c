/*
 * evaluate: run the evaluation stylesheet safely (see evaluate.h).
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "evaluate.h"
#include "rulecheck.h"
#include "xmlload.h"
#include "xsltrun.h"

/* A rule file, read and checked once per process. */
struct rules {
	char		*association;
	char		*path;
	xmlDocPtr	 doc;
};

struct evaluate {
	struct xsltrun		*style;		/* evaluate.xsl */
	const struct catalog	*catalog;
	struct rulecheck	*rulecheck;	/* requirements.xsd and more */
	struct rules		*rules;		/* loaded so far */
	size_t			 nrules;
	int			 internal;	/* the last run's failure */
};

/*
 * Extension functions of the evaluation (namespace ef:).  They do what
 * XSLT 1.0 cannot do in linear time: grouping people, running sums, the
 * sliding RS/C window, the union of intervals.  They know no rule: the
 * thresholds and months come from the rule file through the stylesheet.
 * Node-sets they make live in a result tree fragment of the running
 * transformation (freed with it).
 */

/* Unicode NFC, case-folded, spaces collapsed; g_free the result. */
static gchar *
fold_text(const char *s)
{
	gchar		*nfc, *folded;
	GString		*out;
	const gchar	*p;
	int		 space = 0;

	if (s == NULL || !g_utf8_validate(s, -1, NULL))
		return g_strdup("");
	nfc = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
	folded = g_utf8_casefold(nfc != NULL ? nfc : s, -1);
	out = g_string_new(NULL);
	for (p = folded; *p != '\0'; p = g_utf8_next_char(p)) {
		if (g_unichar_isspace(g_utf8_get_char(p))) {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = 0;
		g_string_append_unichar(out, g_utf8_get_char(p));
	}
	g_free(folded);
	g_free(nfc);
	return g_string_free(out, FALSE);
}

/* ef:fold(string): Unicode NFC, case-folded, spaces collapsed. */
static void
ef_fold(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar	*s;
	gchar	*f;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	s = xmlXPathPopString(ctxt);
	f = fold_text((const char *)s);
	xmlXPathReturnString(ctxt, xmlStrdup((const xmlChar *)f));
	g_free(f);
	xmlFree(s);
}

/* ef:line(node): the line of a node of the portfolio. */
static void
ef_line(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlNodeSetPtr	 set;
	long		 line = 0;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	set = xmlXPathPopNodeSet(ctxt);
	if (set != NULL && set->nodeNr > 0)
		line = xmlGetLineNo(set->nodeTab[0]);
	xmlXPathFreeNodeSet(set);
	xmlXPathReturnNumber(ctxt, (double)line);
}

/* A fresh node-set in a tree fragment of the transformation. */
struct made {
	xmlDocPtr		 rvt;
	xmlXPathObjectPtr	 set;
};

static int
made_open(xmlXPathParserContextPtr ctxt, struct made *m)
{
	xsltTransformContextPtr	tctxt = xsltXPathGetTransformContext(ctxt);

	m->rvt = NULL;
	m->set = NULL;
	if (tctxt == NULL || (m->rvt = xsltCreateRVT(tctxt)) == NULL)
		return -1;
	if (xsltRegisterLocalRVT(tctxt, m->rvt) != 0) {
		xmlFreeDoc(m->rvt);
		m->rvt = NULL;
		return -1;
	}
	if ((m->set = xmlXPathNewNodeSet(NULL)) == NULL)
		return -1;
	return 0;
}

/* A new element name under the fragment, added to the set. */
static xmlNodePtr
made_add(struct made *m, const char *name)
{
	xmlNodePtr	n;

	if ((n = xmlNewDocNode(m->rvt, NULL, BAD_CAST name, NULL)) == NULL)
		return NULL;
	xmlAddChild((xmlNodePtr)m->rvt, n);
	if (xmlXPathNodeSetAddUnique(m->set->nodesetval, n) != 0)
		return NULL;
	return n;
}

/* A copy of node n under the fragment, added to the set. */
static xmlNodePtr
made_copy(struct made *m, xmlNodePtr n)
{
	xmlNodePtr	c;

	if ((c = xmlDocCopyNode(n, m->rvt, 1)) == NULL)
		return NULL;
	xmlAddChild((xmlNodePtr)m->rvt, c);
	if (xmlXPathNodeSetAddUnique(m->set->nodesetval, c) != 0)
		return NULL;
	return c;
}

static void
set_num(xmlNodePtr n, const char *attr, long long v)
{
	char	buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	xmlSetProp(n, BAD_CAST attr, BAD_CAST buf);
}

static void
made_return(xmlXPathParserContextPtr ctxt, struct made *m, int failed)
{
	if (failed || m->set == NULL) {
		xmlXPathFreeObject(m->set);
		xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	valuePush(ctxt, m->set);
}

/* The integer value of an attribute (0 when absent or not a number). */
static long long
attr_num(xmlNodePtr n, const char *name)
{
	xmlChar		*v = xmlGetProp(n, BAD_CAST name);
	long long	 x = 0;
	char		*end;

	if (v != NULL) {
		x = strtoll((const char *)v, &end, 10);
		if (end == (char *)v)
			x = 0;
	}
	xmlFree(v);
	return x;
}

/* Pop a string argument as a C string (caller frees with xmlFree). */
static char *
pop_name(xmlXPathParserContextPtr ctxt)
{
	return (char *)xmlXPathPopString(ctxt);
}

/*
 * ef:cumulate(nodes, attr): copies of the nodes (in document order), each
 * with an attribute 'running', the sum of attr up to and including it.
 */
static void
ef_cumulate(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct made	 m;
	xmlNodeSetPtr	 set = NULL;
	xmlNodePtr	 c;
	char		*attr = NULL;
	long long	 sum = 0;
	int		 i, failed = 0;

	if (nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	attr = pop_name(ctxt);
	set = xmlXPathPopNodeSet(ctxt);
	if (made_open(ctxt, &m) != 0)
		failed = 1;
	for (i = 0; !failed && set != NULL && i < set->nodeNr; i++) {
		if (set->nodeTab[i]->type != XML_ELEMENT_NODE)
			continue;
		sum += attr_num(set->nodeTab[i], attr);
		if ((c = made_copy(&m, set->nodeTab[i])) == NULL) {
			failed = 1;
			break;
		}
		set_num(c, "running", sum);
	}
	xmlXPathFreeNodeSet(set);
	xmlFree(attr);
	made_return(ctxt, &m, failed);
}

/* ef:distinct(nodes, attr): the first node of each value of attr. */
static void
ef_distinct(xmlXPathParserContextPtr ctxt, int nargs)
{
	GHashTable	*seen;
	xmlNodeSetPtr	 set, out;
	xmlChar		*v;
	char		*attr;
	int		 i;

	if (nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	attr = pop_name(ctxt);
	set = xmlXPathPopNodeSet(ctxt);
	out = xmlXPathNodeSetCreate(NULL);
	seen = g_hash_table_new_full(g_str_hash, g_str_equal, xmlFree, NULL);
	for (i = 0; out != NULL && set != NULL && i < set->nodeNr; i++) {
		if (set->nodeTab[i]->type != XML_ELEMENT_NODE)
			continue;
		if ((v = xmlGetProp(set->nodeTab[i], BAD_CAST attr)) == NULL)
			v = xmlStrdup(BAD_CAST "");
		if (g_hash_table_contains(seen, v)) {
			xmlFree(v);
			continue;
		}
		g_hash_table_add(seen, v);
		xmlXPathNodeSetAdd(out, set->nodeTab[i]);
	}
	g_hash_table_destroy(seen);
	xmlXPathFreeNodeSet(set);
	xmlFree(attr);
	valuePush(ctxt, xmlXPathWrapNodeSet(out));
}

/*
 * ef:sum-by(nodes, key, attr): for each distinct value of the attribute
 * key, in order of first appearance, a copy of its first node with the
 * attributes 'count' (how many nodes have that value) and 'sum' (the sum
 * of their attr).
 */
static void
ef_sum_by(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct made	 m;
	GHashTable	*at;
	xmlNodeSetPtr	 set;
	xmlNodePtr	 g;
	xmlChar		*k;
	char		*key, *attr;
	int		 i, failed = 0;

	if (nargs != 3) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	attr = pop_name(ctxt);
	key = pop_name(ctxt);
	set = xmlXPathPopNodeSet(ctxt);
	at = g_hash_table_new_full(g_str_hash, g_str_equal, xmlFree, NULL);
	if (made_open(ctxt, &m) != 0)
		failed = 1;
	for (i = 0; !failed && set != NULL && i < set->nodeNr; i++) {
		if (set->nodeTab[i]->type != XML_ELEMENT_NODE)
			continue;
		if ((k = xmlGetProp(set->nodeTab[i], BAD_CAST key)) == NULL)
			k = xmlStrdup(BAD_CAST "");
		if ((g = g_hash_table_lookup(at, k)) == NULL) {
			if ((g = made_copy(&m, set->nodeTab[i])) == NULL) {
				xmlFree(k);
				failed = 1;
				break;
			}
			set_num(g, "count", 0);
			set_num(g, "sum", 0);
			g_hash_table_insert(at, k, g);
		} else
			xmlFree(k);
		set_num(g, "count", attr_num(g, "count") + 1);
		set_num(g, "sum", attr_num(g, "sum") +
		    attr_num(set->nodeTab[i], attr));
	}
	g_hash_table_destroy(at);
	xmlXPathFreeNodeSet(set);
	xmlFree(key);
	xmlFree(attr);
	made_return(ctxt, &m, failed);
}

/* The text of the first child element called name, or NULL. */
static xmlChar *
child_text(xmlNodePtr n, const char *name)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST name))
			return xmlNodeGetContent(n);
	return NULL;
}

static int
uf_find(int *parent, int i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

/* Join two sets; the smaller index (document order) stays the root. */
static void
uf_join(int *parent, int a, int b)
{
	a = uf_find(parent, a);
	b = uf_find(parent, b);
	if (a < b)
		parent[b] = a;
	else if (b < a)
		parent[a] = b;
}

/*
 * Join i with the first person seen under key in t (or remember i as that
 * first person).  The key is consumed.
 */
static void
uf_by(GHashTable *t, gchar *key, int *parent, int i)
{
	gpointer	first;

	if (g_hash_table_lookup_extended(t, key, NULL, &first)) {
		uf_join(parent, GPOINTER_TO_INT(first), i);
		g_free(key);
	} else
		g_hash_table_insert(t, key, GINT_TO_POINTER(i));
}

/*
 * ef:person-groups(people): one <g id group/> per person: group is the id
 * of the first entry of the same person (RULES.md, distinct people): the
 * same e-mail, or the same NFC, case-folded name with no conflicting
 * e-mail (an entry without an e-mail is the same person as the entries
 * of that name).
 */
static void
ef_person_groups(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct made	 m;
	GHashTable	*by_email, *by_name, *no_email;
	xmlNodeSetPtr	 set;
	xmlNodePtr	 g;
	xmlChar		*name, *email, *id;
	gchar		*fn, *fe;
	gpointer	 first;
	int		*parent = NULL, n, i, failed = 0;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	set = xmlXPathPopNodeSet(ctxt);
	n = set != NULL ? set->nodeNr : 0;
	by_email = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	no_email = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	if (made_open(ctxt, &m) != 0 ||
	    (parent = calloc((size_t)n + 1, sizeof(*parent))) == NULL)
		failed = 1;
	for (i = 0; !failed && i < n; i++)
		parent[i] = i;
	for (i = 0; !failed && i < n; i++) {
		name = child_text(set->nodeTab[i], "name");
		email = child_text(set->nodeTab[i], "email");
		fn = fold_text((const char *)name);
		if (email != NULL && email[0] != '\0') {
			fe = fold_text((const char *)email);
			uf_by(by_email, fe, parent, i);
			if (g_hash_table_lookup_extended(no_email, fn, NULL,
			    &first))
				uf_join(parent, GPOINTER_TO_INT(first), i);
			/* remembered, not joined: e-mails may conflict */
			if (!g_hash_table_contains(by_name, fn))
				g_hash_table_insert(by_name, fn,
				    GINT_TO_POINTER(i));
			else
				g_free(fn);
		} else {
			if (!g_hash_table_contains(no_email, fn))
				g_hash_table_insert(no_email, g_strdup(fn),
				    GINT_TO_POINTER(i));
			uf_by(by_name, fn, parent, i);
		}
		xmlFree(name);
		xmlFree(email);
	}
	for (i = 0; !failed && i < n; i++) {
		if ((g = made_add(&m, "g")) == NULL) {
			failed = 1;
			break;
		}
		id = xmlGetProp(set->nodeTab[i], BAD_CAST "id");
		xmlSetProp(g, BAD_CAST "id", id != NULL ? id : BAD_CAST "");
		xmlFree(id);
		id = xmlGetProp(set->nodeTab[uf_find(parent, i)], BAD_CAST "id");
		xmlSetProp(g, BAD_CAST "group", id != NULL ? id : BAD_CAST "");
		xmlFree(id);
	}
	free(parent);
	g_hash_table_destroy(by_email);
	g_hash_table_destroy(by_name);
	g_hash_table_destroy(no_email);
	xmlXPathFreeNodeSet(set);
	made_return(ctxt, &m, failed);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long
day_number(long y, long m, long d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
day_date(long z, char *buf, size_t bufsz)
{
	long	era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, bufsz, "%04ld-%02d-%02d", y + (m <= 2), (int)m, (int)d);
}

static int
parse_date(const char *s, long *y, long *m, long *d)
{
	return s != NULL && sscanf(s, "%4ld-%2ld-%2ld", y, m, d) == 3 &&
	    *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31 ? 0 : -1;
}

/*
 * The day before date + months (RULES.md: from a to b spans N months
 * when b >= a + N months - 1 day; month arithmetic clamps to the month's
 * end).  -1 on a bad date.
 */
static long
months_end(const char *date, long months, long *day)
{
	static const int	mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };
	long			y, m, d, m0, last;

	if (parse_date(date, &y, &m, &d) != 0)
		return -1;
	m0 = m - 1 + months;
	y += m0 >= 0 ? m0 / 12 : (m0 - 11) / 12;
	m = m0 - (m0 >= 0 ? m0 / 12 : (m0 - 11) / 12) * 12 + 1;
	last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0));
	if (d > last)
		d = last;
	*day = day_number(y, m, d) - 1;
	return 0;
}

/* A number of months from XPath: 0 unless a sane whole number. */
static long
months_arg(double v)
{
	return isfinite(v) && v >= 0 && v <= 1200 ? (long)v : 0;
}

/* One counted session of the window: its day, date and hundredths. */
struct wsession {
	long		 day;
	long long	 h;
	xmlChar		*date;
};

static void
set_day(xmlNodePtr n, const char *attr, long day)
{
	char	buf[48];

	day_date(day, buf, sizeof(buf));
	xmlSetProp(n, BAD_CAST attr, BAD_CAST buf);
}

/*
 * ef:window(sessions, min-months, max-months, as-of): the RS/C window of
 * RULES.md over counted sessions (in date order, each with @date and @h
 * in hundredths), by two pointers: for each first session, the run up to
 * the last session within max-months.  Returns
 *   <w from to n hours valid first-end last-end/>  the best run: one that
 *	spans min-months first, then the most hours, then the earliest;
 *	first-end/last-end bound where a window from 'from' may end;
 *   <reach from hours first-end last-end/>  the earliest first session
 *	whose window can still end on or after as-of (hours from it on),
 *	when there is one: what advice can still build on.
 */
static void
ef_window(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct made		 m;
	struct wsession		*ss = NULL;
	xmlNodeSetPtr		 set = NULL;
	xmlNodePtr		 w;
	xmlChar			*asof;
	long long		*pre = NULL, hours, best_h = -1;
	long			 minm, maxm, lo, hi, today = 0, y, mo, d;
	int			 n = 0, i, j, best = -1, best_valid = 0, valid;
	int			 best_j = 0, reach = -1, failed = 0;

	if (nargs != 4) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	asof = xmlXPathPopString(ctxt);
	maxm = months_arg(xmlXPathPopNumber(ctxt));
	minm = months_arg(xmlXPathPopNumber(ctxt));
	set = xmlXPathPopNodeSet(ctxt);
	if (parse_date((const char *)asof, &y, &mo, &d) == 0)
		today = day_number(y, mo, d);
	if (made_open(ctxt, &m) != 0)
		failed = 1;
	if (!failed && set != NULL && set->nodeNr > 0 &&
	    ((ss = calloc((size_t)set->nodeNr, sizeof(*ss))) == NULL ||
	    (pre = calloc((size_t)set->nodeNr + 1, sizeof(*pre))) == NULL))
		failed = 1;
	for (i = 0; !failed && set != NULL && i < set->nodeNr; i++) {
		ss[n].date = xmlGetProp(set->nodeTab[i], BAD_CAST "date");
		if (parse_date((const char *)ss[n].date, &y, &mo, &d) != 0) {
			xmlFree(ss[n].date);
			continue;
		}
		ss[n].day = day_number(y, mo, d);
		ss[n].h = attr_num(set->nodeTab[i], "h");
		pre[n + 1] = pre[n] + ss[n].h;
		n++;
	}
	for (i = 0, j = 0; !failed && i < n; i++) {
		if (months_end((const char *)ss[i].date, maxm, &hi) != 0 ||
		    months_end((const char *)ss[i].date, minm, &lo) != 0)
			continue;
		if (j < i)
			j = i;
		while (j + 1 < n && ss[j + 1].day <= hi)
			j++;
		hours = pre[j + 1] - pre[i];
		valid = ss[j].day >= lo;
		if (best < 0 || valid > best_valid ||
		    (valid == best_valid && hours > best_h)) {
			best = i;
			best_j = j;
			best_h = hours;
			best_valid = valid;
		}
		if (reach < 0 && hi >= today)
			reach = i;
	}
	if (!failed && best >= 0) {
		if ((w = made_add(&m, "w")) == NULL)
			failed = 1;
		else {
			xmlSetProp(w, BAD_CAST "from", ss[best].date);
			xmlSetProp(w, BAD_CAST "to", ss[best_j].date);
			set_num(w, "n", best_j - best + 1);
			set_num(w, "hours", best_h);
			xmlSetProp(w, BAD_CAST "valid", BAD_CAST (best_valid ?
			    "true" : "false"));
			months_end((const char *)ss[best].date, minm, &lo);
			months_end((const char *)ss[best].date, maxm, &hi);
			set_day(w, "first-end", lo);
			set_day(w, "last-end", hi);
		}
	}
	if (!failed && reach >= 0) {
		if ((w = made_add(&m, "reach")) == NULL)
			failed = 1;
		else {
			xmlSetProp(w, BAD_CAST "from", ss[reach].date);
			set_num(w, "hours", pre[n] - pre[reach]);
			months_end((const char *)ss[reach].date, minm, &lo);
			months_end((const char *)ss[reach].date, maxm, &hi);
			set_day(w, "first-end", lo);
			set_day(w, "last-end", hi);
		}
	}
	for (i = 0; i < n; i++)
		xmlFree(ss[i].date);
	free(ss);
	free(pre);
	xmlFree(asof);
	xmlXPathFreeNodeSet(set);
	made_return(ctxt, &m, failed);
}

/*
 * ef:months-end(date, months): the last day of a span of months from date
 * (date + months - 1 day, clamped to the month's end), as YYYY-MM-DD.
 */
static void
ef_months_end(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar	*date;
	long	 months, day;
	char	 buf[48] = "";

	if (nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	months = months_arg(xmlXPathPopNumber(ctxt));
	date = xmlXPathPopString(ctxt);
	if (months_end((const char *)date, months, &day) == 0)
		day_date(day, buf, sizeof(buf));
	xmlFree(date);
	xmlXPathReturnString(ctxt, xmlStrdup(BAD_CAST buf));
}

/* ef:day(date): days since 1970-01-01 of YYYY-MM-DD (NaN if not one). */
static void
ef_day(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar	*date;
	long	 y, m, d;
	double	 v;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	date = xmlXPathPopString(ctxt);
	v = parse_date((const char *)date, &y, &m, &d) == 0 ?
	    (double)day_number(y, m, d) : xmlXPathNAN;
	xmlFree(date);
	xmlXPathReturnNumber(ctxt, v);
}

/* ef:date(day): YYYY-MM-DD of a day number ('' if not one). */
static void
ef_date(xmlXPathParserContextPtr ctxt, int nargs)
{
	char	buf[48];
	double	v;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	v = xmlXPathPopNumber(ctxt);
	if (isfinite(v) && v > -1e7 && v < 1e7)
		day_date((long)v, buf, sizeof(buf));
	else
		buf[0] = '\0';
	xmlXPathReturnString(ctxt, xmlStrdup(BAD_CAST buf));
}

struct interval {
	long	s, e;
};

static int
by_start(const void *a, const void *b)
{
	const struct interval	*x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

/*
 * ef:union-days(intervals): the days in the union of elements with day
 * numbers @s and @e (inclusive; empty when e < s): sort, then sweep.
 */
static void
ef_union_days(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct interval	*iv = NULL;
	xmlNodeSetPtr	 set;
	long		 end = LONG_MIN, total = 0, from;
	int		 i, n = 0;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	set = xmlXPathPopNodeSet(ctxt);
	if (set != NULL && set->nodeNr > 0 &&
	    (iv = calloc((size_t)set->nodeNr, sizeof(*iv))) == NULL) {
		xmlXPathFreeNodeSet(set);
		xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	for (i = 0; set != NULL && i < set->nodeNr; i++) {
		iv[n].s = (long)attr_num(set->nodeTab[i], "s");
		iv[n].e = (long)attr_num(set->nodeTab[i], "e");
		if (iv[n].e >= iv[n].s)
			n++;
	}
	if (n > 0)
		qsort(iv, (size_t)n, sizeof(*iv), by_start);
	for (i = 0; i < n; i++) {
		from = end != LONG_MIN && iv[i].s <= end ? end + 1 : iv[i].s;
		if (iv[i].e >= from)
			total += iv[i].e - from + 1;
		if (end == LONG_MIN || iv[i].e > end)
			end = iv[i].e;
	}
	free(iv);
	xmlXPathFreeNodeSet(set);
	xmlXPathReturnNumber(ctxt, (double)total);
}

struct evaluate *
evaluate_new(const struct datadir *dd, const struct catalog *cat,
    struct diag *d)
{
	struct evaluate		*ev;
	char			 path[PATH_MAX];

	if ((ev = calloc(1, sizeof(*ev))) == NULL)
		return NULL;
	ev->catalog = cat;
	if ((ev->rulecheck = rulecheck_new(dd, d)) == NULL)
		goto fail;
	if (datadir_path(dd, "stylesheets/evaluate.xsl", path,
	    sizeof(path)) == NULL ||
	    (ev->style = xsltrun_new(path, d)) == NULL)
		goto fail;
	return ev;
fail:
	evaluate_free(ev);
	return NULL;
}

void
evaluate_free(struct evaluate *ev)
{
	size_t	i;

	if (ev == NULL)
		return;
	xsltrun_free(ev->style);
	rulecheck_free(ev->rulecheck);
	for (i = 0; i < ev->nrules; i++) {
		free(ev->rules[i].association);
		free(ev->rules[i].path);
		xmlFreeDoc(ev->rules[i].doc);
	}
	free(ev->rules);
	free(ev);
}

/* The rule file of an association, read and validated on first use. */
static const struct rules *
rules_get(struct evaluate *ev, const char *association, const char *name,
    struct diag *d)
{
	const struct catalog_entry	*e;
	struct rules			*r, *nr;
	enum xmlload_status		 status;
	xmlDocPtr			 doc;
	size_t				 i;

	for (i = 0; i < ev->nrules; i++)
		if (strcmp(ev->rules[i].association, association) == 0)
			return &ev->rules[i];
	if ((e = catalog_find(ev->catalog, association)) == NULL) {
		diag_error(d, name, 0, "endorse has no requirements for "
		    "association '%s'", association);
		return NULL;
	}
	if ((doc = xmlload_file(e->path, NULL, d, &status)) == NULL)
		return NULL;
	if (rulecheck_run(ev->rulecheck, doc, e->path, d) == -1) {
		xmlFreeDoc(doc);
		return NULL;
	}
	if ((nr = realloc(ev->rules, (ev->nrules + 1) * sizeof(*nr))) ==
	    NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	ev->rules = nr;
	r = &ev->rules[ev->nrules];
	r->association = strdup(association);
	r->path = strdup(e->path);
	r->doc = doc;
	if (r->association == NULL || r->path == NULL) {
		free(r->association);
		free(r->path);
		xmlFreeDoc(doc);
		return NULL;
	}
	ev->nrules++;
	return r;
}

/* The portfolio's application/@association. */
static xmlChar *
applied_association(xmlDocPtr doc)
{
	xmlNode	*n = xmlDocGetRootElement(doc);

	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST "application"))
			return xmlGetProp(n, BAD_CAST "association");
	return NULL;
}

xmlDocPtr
evaluate_run(struct evaluate *ev, xmlDocPtr portfolio, const char *name,
    const struct evaluate_params *prm, struct diag *d)
{
	static const struct xsltrun_function functions[] = {
		{ "fold", ef_fold },
		{ "line", ef_line },
		{ "cumulate", ef_cumulate },
		{ "distinct", ef_distinct },
		{ "sum-by", ef_sum_by },
		{ "person-groups", ef_person_groups },
		{ "window", ef_window },
		{ "months-end", ef_months_end },
		{ "day", ef_day },
		{ "date", ef_date },
		{ "union-days", ef_union_days },
		{ NULL, NULL }
	};
	struct xsltrun_options	 opt;
	const struct rules	*rules;
	xmlDocPtr		 res = NULL;
	xmlChar			*applied;
	const char		*params[13], *assoc;
	int			 n = 0;

	ev->internal = 0;
	applied = applied_association(portfolio);
	assoc = prm->association != NULL ? prm->association :
	    (const char *)applied;
	if (assoc == NULL) {
		diag_error(d, name, 0, "the portfolio names no association");
		goto out;
	}
	if ((rules = rules_get(ev, assoc, name, d)) == NULL)
		goto out;
	params[n++] = "rules";
	params[n++] = rules->path;
	params[n++] = "as-of";
	params[n++] = prm->as_of;
	params[n++] = "association";
	params[n++] = assoc;
	params[n++] = "track";
	params[n++] = prm->track != NULL ? prm->track : "";
	params[n++] = "kind";
	params[n++] = prm->kind != NULL ? prm->kind : "initial";
	params[n++] = "year";
	params[n++] = prm->year != NULL ? prm->year : "";
	params[n] = NULL;
	memset(&opt, 0, sizeof(opt));
	opt.readable_path = rules->path;
	opt.readable_doc = rules->doc;
	opt.params = params;
	opt.functions = functions;
	res = xsltrun_run(ev->style, portfolio, name, &opt, d);
	if (res == NULL)
		ev->internal = xsltrun_failed_internally(ev->style);
out:
	xmlFree(applied);
	return res;
}

int
evaluate_failed_internally(const struct evaluate *ev)
{
	return ev != NULL && ev->internal;
}

enum evaluate_result
evaluate_result(xmlDocPtr checklist)
{
	xmlNode			*root = xmlDocGetRootElement(checklist);
	xmlChar			*r;
	enum evaluate_result	 res = EVALUATE_NOT_READY;

	if (root == NULL || (r = xmlGetProp(root, BAD_CAST "result")) ==
	    NULL)
		return res;
	if (xmlStrEqual(r, BAD_CAST "ready"))
		res = EVALUATE_READY;
	else if (xmlStrEqual(r, BAD_CAST "needs-review"))
		res = EVALUATE_REVIEW;
	xmlFree(r);
	return res;
}

int
evaluate_write(struct evaluate *ev, xmlDocPtr checklist, FILE *out)
{
	return xsltrun_write(ev->style, checklist, out);
}
