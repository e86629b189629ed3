/*
 * layout_text: the text of a layout document in the line format of
 * bench/floor.c, through bench/layout-text.xsl.  A bench tool run once
 * before the timed part, on layouts endorse itself wrote with
 * --emit layout (no applicant input reaches it directly).
 *
 *	layout_text STYLESHEET LAYOUT.xml > TEXT
 */
#include <stdio.h>

#include <libxml/parser.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

int
main(int argc, char *argv[])
{
	xsltStylesheetPtr	 xsl = NULL;
	xmlDocPtr		 doc = NULL, res = NULL;
	int			 rc = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: layout_text STYLESHEET LAYOUT.xml\n");
		return 64;
	}
	if ((xsl = xsltParseStylesheetFile((const xmlChar *)argv[1])) ==
	    NULL)
		goto out;
	if ((doc = xmlReadFile(argv[2], NULL, XML_PARSE_NONET)) == NULL)
		goto out;
	if ((res = xsltApplyStylesheet(xsl, doc, NULL)) == NULL)
		goto out;
	if (xsltSaveResultToFile(stdout, res, xsl) < 0 || fflush(stdout))
		goto out;
	rc = 0;
out:
	xmlFreeDoc(res);
	xmlFreeDoc(doc);
	xsltFreeStylesheet(xsl);
	return rc;
}
