/*
 * fuzz_mutate: a structural mutator for portfolios (libFuzzer's
 * LLVMFuzzerCustomMutator), shared by the evaluate and pipeline
 * harnesses.
 *
 * It parses the portfolio and changes it as a portfolio: an attribute
 * set to a value of the schema's lists or to a date or number at an
 * edge, an element copied (more sessions, courses, people), removed or
 * moved, a text replaced; one time in four, and for what does not
 * parse, libFuzzer's own byte mutations.  Included once by a harness;
 * without FUZZ_LIBFUZZER (the replay driver) it defines nothing.
 */
#ifndef FUZZ_MUTATE_H
#define FUZZ_MUTATE_H

#include <stdint.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#ifdef FUZZ_LIBFUZZER
size_t	LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t	LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
	    unsigned int seed);

static const char *const attr_names[] = {
	"about-rsc", "activity", "amount", "association", "awarded",
	"completed", "date", "designation", "earned", "end",
	"familiar-with-imh", "format", "hours", "id", "imh-specific",
	"in-service", "kind", "level", "paid", "paid-through", "person",
	"provider", "provides-rsc", "receives-rsc", "relationship-based",
	"role", "rsc-training-hours", "scope", "signed", "since", "start",
	"status", "submitted", "track", "training-hours",
	"transcript-received", "work", "year"
};

static const char *const values[] = {
	/* dates and numbers at the edges */
	"1900-01-01", "2199-12-31", "2024-02-29", "2025-06-30", "2025-07-01",
	"2024-06-30", "2020-01-01", "2015-06-30", "ongoing", "0", "0.01",
	"0.5", "1", "1.5", "2", "12", "24", "30", "48", "50", "99999.99",
	"2025", "2024", "1900", "2199",
	/* identifiers and codes */
	"p1", "p2", "p3", "d1", "c1", "OK-AIMH", "WI-AIMH", "MI-AIMH",
	/* the schema's lists */
	"1", "DO", "EdD", "I", "IFA", "IFRS", "IFS", "II", "III", "IMHM",
	"IMHS", "IV", "MA", "MD", "MEd", "MS", "MSN", "MSW", "PhD", "PsyD",
	"administration", "application", "association-leadership",
	"bachelor", "certificate-program-leadership",
	"chair-not-familiar-with-imh", "clinical", "colleague",
	"communicating", "conference-planning", "consultant",
	"department-chair", "direct-service", "direct-service-skills",
	"doctoral-committee", "doctorate",
	"early-childhood-planning-groups", "endorsed-personnel-preference",
	"failed", "graduate-internship", "group", "imh-presentations",
	"individual", "law-regulation-policy", "legislation-analysis",
	"local", "master", "membership", "national", "no",
	"no-current-supervisor", "no-rsc-provider", "other", "passed",
	"peer-group", "policy", "policy-administration", "policy-feedback",
	"policy-making-groups", "policy-publications",
	"post-graduate-specialization", "practice-leadership",
	"present-publish", "program-supervisor", "published-research",
	"reflection", "reflective-practice-groups", "regional",
	"registration", "reimbursement", "renewal",
	"represent-imh-at-conferences", "research-evaluation",
	"research-faculty", "rsc-provider", "rsc-provision",
	"rsc-recipient", "rsc-to-practitioners", "scheduled", "state",
	"student", "supervised", "syllabi-integration",
	"system-of-care-planning", "systems-expertise", "teacher",
	"theoretical-foundations", "thinking", "trainer",
	"university-certificate", "university-teaching",
	"working-with-others", "yes", "direct-service supervised",
	"rsc-provision practice-leadership"
};

static const char *const texts[] = {
	"Zo\xc3\xab Bront\xc3\xab", "\xd7\x90\xd7\x91 Cohen",
	"e\xcc\x81\xcc\x81\xcc\x81", "A", "Foundations of IMH",
	"\xe4\xb8\xad\xe6\x96\x87", "x & y < z",
};

/* A small generator: the mutator must not keep state between calls. */
static unsigned
next_rand(unsigned *r)
{
	*r ^= *r << 13;
	*r ^= *r >> 17;
	*r ^= *r << 5;
	return *r;
}

#define PICK(r, a)	((a)[next_rand(r) % (sizeof(a) / sizeof((a)[0]))])

static size_t
collect(xmlNode *n, xmlNode **all, size_t len, size_t cap)
{
	for (; n != NULL && len < cap; n = n->next)
		if (n->type == XML_ELEMENT_NODE) {
			all[len++] = n;
			len = collect(n->children, all, len, cap);
		}
	return len;
}

/* One structural change to doc; returns 0, or -1 when none was made. */
static int
mutate_doc(xmlDocPtr doc, unsigned *r)
{
	xmlNode	*all[4096], *n, *m, *copy;
	size_t	 len;

	len = collect(xmlDocGetRootElement(doc), all, 0, 4096);
	if (len < 2)
		return -1;
	n = all[1 + next_rand(r) % (len - 1)];
	switch (next_rand(r) % 8) {
	case 0:
	case 1:
	case 2:
		xmlSetProp(n, BAD_CAST PICK(r, attr_names),
		    BAD_CAST PICK(r, values));
		return 0;
	case 3:
		if (n->properties == NULL)
			return -1;
		xmlSetProp(n, n->properties->name, BAD_CAST PICK(r, values));
		return 0;
	case 4:
		if ((copy = xmlCopyNode(n, 1)) == NULL)
			return -1;
		if (xmlAddNextSibling(n, copy) == NULL)
			xmlFreeNode(copy);
		return 0;
	case 5:
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		return 0;
	case 6:
		m = all[next_rand(r) % len];
		if ((copy = xmlCopyNode(n, 1)) == NULL)
			return -1;
		if (xmlAddChild(m, copy) == NULL)
			xmlFreeNode(copy);
		return 0;
	default:
		if (xmlFirstElementChild(n) != NULL)
			return -1;
		xmlNodeSetContent(n, NULL);
		xmlNodeAddContent(n, BAD_CAST PICK(r, texts));
		return 0;
	}
}

size_t
LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
    unsigned int seed)
{
	unsigned	 r = seed | 1;
	xmlDocPtr	 doc;
	xmlChar		*out = NULL;
	int		 outlen = 0, i, rounds;

	if (next_rand(&r) % 4 == 0 || size > (size_t)INT32_MAX ||
	    (doc = xmlReadMemory((const char *)data, (int)size, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) ==
	    NULL)
		return LLVMFuzzerMutate(data, size, max_size);
	rounds = 1 + (int)(next_rand(&r) % 3);
	for (i = 0; i < rounds; i++)
		(void)mutate_doc(doc, &r);
	xmlDocDumpMemory(doc, &out, &outlen);
	xmlFreeDoc(doc);
	if (out == NULL || outlen <= 0 || (size_t)outlen > max_size) {
		xmlFree(out);
		return LLVMFuzzerMutate(data, size, max_size);
	}
	memcpy(data, out, (size_t)outlen);
	xmlFree(out);
	return (size_t)outlen;
}
#endif /* FUZZ_LIBFUZZER */

#endif
