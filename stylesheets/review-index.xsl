<?xml version="1.0" encoding="UTF-8"?>
<!--
  review-index.xsl: the first pages of a season's combined review
  (review-all.pdf of endorse batch, with its combined option): the file's metadata and
  the index of the applicants in it.  The reviews themselves follow, one
  applicant at a time, each laid out by review.xsl with number-from set
  to its number here, so that "applicant-N" is its first section.

  Input: <reviews xmlns="urn:endorse:present:1" total= as-of=> with one
  <applicant n= source= label= name= association= association-name=
  track= result= pages=/> per applicant in the file, in file order, and
  one <failed source= label= error=/> per input left out (made by
  roster_index_document, src/batch_roster.c; written by src/combined.c).
  The page of each applicant is a page-ref the typesetter fills in.
  Parameters: created (the PDF date).
  Output: a layout document (schemas/layout.xsd).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:e="urn:endorse:present:1"
    xmlns="urn:endorse:layout:1"
    exclude-result-prefixes="e">

  <xsl:include href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="created" select="'2000-01-01'"/>

  <xsl:variable name="r" select="/e:reviews"/>

  <!-- The associations of the file, each once, in order of appearance. -->
  <xsl:key name="by-association" match="e:applicant" use="@association"/>
  <xsl:variable name="assocs" select="$r/e:applicant[generate-id() = generate-id(key('by-association', @association)[1])]"/>

  <xsl:template match="/">
    <document created="{$created}" page-size="letter" lang="en">
      <title><xsl:value-of select="concat('Committee review checklists: ', $r/@total, ' applicants')"/></title>
      <author><xsl:for-each select="$assocs"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="@association-name"/></xsl:for-each></author>
      <subject>Endorsement: committee review checklists</subject>
      <keywords><xsl:text>endorsement, committee review</xsl:text><xsl:for-each select="$assocs"><xsl:value-of select="concat(', ', @association)"/></xsl:for-each></keywords>
      <header>
        <left><xsl:for-each select="$assocs"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="@association"/></xsl:for-each></left>
        <center>Committee review checklists</center>
      </header>
      <footer>
        <left><xsl:value-of select="concat('Evaluated as of ', $r/@as-of)"/></left>
        <right>Page {page} of {pages}</right>
        <note><xsl:value-of select="$confidential"/></note>
      </footer>
      <body>
        <section level="1" id="index">
          <heading>Applicants in this file</heading>
          <xsl:choose>
            <xsl:when test="not($r/e:applicant)">
              <p>No applicant could be processed: this file holds no review checklist.</p>
            </xsl:when>
            <xsl:when test="$r/@total = 1">
              <p style="small">1 applicant. The page given here is the page of the file.</p>
            </xsl:when>
            <xsl:otherwise>
              <p style="small"><xsl:value-of select="concat($r/@total, ' applicants. Each one has its own pages, numbered on their own; the page given here is the page of the file.')"/></p>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$r/e:applicant">
          <table field="applicants">
            <col width="30"/><col width="14"/><col width="14"/><col width="30"/><col width="12"/>
            <header><cell>Applicant</cell><cell>Association</cell><cell>Track</cell><cell>Computed result</cell><cell>Page</cell></header>
            <xsl:for-each select="$r/e:applicant">
              <row>
                <cell><link to="{concat('applicant-', @n)}"><span field="applicant name"><xsl:value-of select="@name"/></span></link></cell>
                <cell><span nowrap="yes"><xsl:value-of select="@association"/></span></cell>
                <cell><xsl:value-of select="@track"/></cell>
                <cell><xsl:call-template name="result-mark"><xsl:with-param name="r" select="@result"/></xsl:call-template></cell>
                <cell><page-ref to="{concat('applicant-', @n)}"/></cell>
              </row>
            </xsl:for-each>
          </table>
          </xsl:if>
          <xsl:if test="$r/e:failed">
            <section level="2" id="left-out">
            <heading>Not in this file</heading>
            <p style="small">These inputs could not be processed; their errors were reported when this file was made.</p>
            <table field="failed inputs">
              <col width="40"/><col width="60"/>
              <header><cell>Input file</cell><cell>Problem</cell></header>
              <xsl:for-each select="$r/e:failed">
                <row><cell><xsl:value-of select="@source"/></cell><cell><xsl:value-of select="@error"/></cell></row>
              </xsl:for-each>
            </table>
            </section>
          </xsl:if>
        </section>
      </body>
    </document>
  </xsl:template>
</xsl:stylesheet>
