<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what the document stylesheets (packet, review, renewal)
  share.  Included by them (xsl:include of a shipped stylesheet,
  SECURITY.md rule 9); it has no template that matches.

  - words.xsl (included): the one wording table, from the portfolio
    schema's codes to the words a coordinator uses; the checklist's own
    texts already say them (evaluate.xsl uses the same table);
  - result-words, mark: a checklist's result and a rule's status as words
    and as a layout mark (shape and label);
  - rule-id: a rule id that never breaks at its hyphen; text: a
    sentence whose codes ("OK-AIMH", "WRK-C2") never break at theirs;
  - source-line: "OK-AIMH requirements, line 31";
  - src-line: the portfolio line of a piece of data, for warnings;
  - confidential: the confidentiality line every document carries.
  Every number comes from the checklist: nothing here computes one.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:endorse:checklist:1"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns:saxon="http://icl.com/saxon"
    xmlns="urn:endorse:layout:1"
    exclude-result-prefixes="c p saxon">

  <xsl:include href="words.xsl"/>

  <!-- Replace every occurrence of from in s by to. -->
  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="substring-before($s, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="result-words">
    <xsl:param name="r"/>
    <xsl:choose>
      <xsl:when test="$r = 'ready'">Ready for committee</xsl:when>
      <xsl:when test="$r = 'needs-review'">Needs committee review</xsl:when>
      <xsl:otherwise>Not ready</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="result-status">
    <xsl:param name="r"/>
    <xsl:choose>
      <xsl:when test="$r = 'ready'">met</xsl:when>
      <xsl:when test="$r = 'needs-review'">review</xsl:when>
      <xsl:otherwise>not-met</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A status as a mark: its shape and its word (or label). -->
  <xsl:template name="mark">
    <xsl:param name="s"/>
    <xsl:param name="label"/>
    <mark>
      <xsl:attribute name="shape">
        <xsl:choose>
          <xsl:when test="$s = 'met'">check</xsl:when>
          <xsl:when test="$s = 'not-met'">cross</xsl:when>
          <xsl:when test="$s = 'not-applicable'">dash</xsl:when>
          <xsl:when test="$s = 'review'">question</xsl:when>
          <xsl:when test="$s = 'pending'">clock</xsl:when>
          <xsl:otherwise>info</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="string($label) != ''"><xsl:value-of select="$label"/></xsl:when>
        <xsl:when test="$s = 'met'">Met</xsl:when>
        <xsl:when test="$s = 'not-met'">Not met</xsl:when>
        <xsl:when test="$s = 'not-applicable'">Not applicable</xsl:when>
        <xsl:when test="$s = 'review'">Committee judges</xsl:when>
        <xsl:when test="$s = 'pending'">Pending</xsl:when>
        <xsl:otherwise>Advice</xsl:otherwise>
      </xsl:choose>
    </mark>
  </xsl:template>

  <!-- The checklist's result as a mark with its words. -->
  <xsl:template name="result-mark">
    <xsl:param name="r"/>
    <xsl:call-template name="mark">
      <xsl:with-param name="s"><xsl:call-template name="result-status"><xsl:with-param name="r" select="$r"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="label"><xsl:call-template name="result-words"><xsl:with-param name="r" select="$r"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A rule id: one piece, never broken at its hyphen. -->
  <xsl:template name="rule-id">
    <xsl:param name="id" select="@id"/>
    <span nowrap="yes"><xsl:value-of select="$id"/></span>
  </xsl:template>

  <!-- Text whose codes never break at their hyphen: each word that
       starts with an upper-case code and a hyphen ("OK-AIMH", "WRK-C2,",
       "(WI-AIMH)", "IMHM-Clinical", "WPPSI-IV") goes in a nowrap span;
       the rest is text (a word over 20 characters may have to break in
       a narrow column).  Word by word for the first 80 words (so that
       the recursion stays shallow and a block gets at most 80 spans,
       within the layout's 200 children), the rest as it is.  Writes
       nothing but text and spans: no isolate around the whole, whose
       direction would be taken from its first letter. -->
  <xsl:template name="text">
    <xsl:param name="s"/>
    <xsl:param name="n" select="80"/>
    <xsl:choose>
      <xsl:when test="not(contains($s, '-'))"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="$n &lt;= 0 or not(contains($s, ' '))"><xsl:call-template name="code-word"><xsl:with-param name="w" select="$s"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="code-word"><xsl:with-param name="w" select="substring-before($s, ' ')"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="text">
          <xsl:with-param name="s" select="substring-after($s, ' ')"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One word of text: in a nowrap span when it is a code (see text). -->
  <xsl:template name="code-word">
    <xsl:param name="w"/>
    <xsl:variable name="head" select="substring-before(translate($w, '(', ''), '-')"/>
    <xsl:choose>
      <xsl:when test="string-length($head) &gt;= 2 and string-length($w) &lt;= 20 and translate($w, ' &#9;&#10;&#13;', '') = $w and translate($head, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '') = ''"><span nowrap="yes"><xsl:value-of select="$w"/></span></xsl:when>
      <xsl:otherwise><xsl:value-of select="$w"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "OK-AIMH requirements, line 31" for a rule of checklist cl. -->
  <xsl:template name="source-line">
    <xsl:param name="cl"/>
    <xsl:param name="rule" select="."/>
    <xsl:if test="contains($rule/@source, ':')">
      <xsl:value-of select="concat($cl/@association, ' requirements, line ', substring-after($rule/@source, ':'))"/>
    </xsl:if>
  </xsl:template>

  <!-- The association as "Wisconsin Alliance ... (WI-AIMH)", the code
       kept on one line. -->
  <xsl:template name="association">
    <xsl:param name="cl"/>
    <xsl:value-of select="concat($cl/@association-name, ' ')"/>
    <span nowrap="yes"><xsl:value-of select="concat('(', $cl/@association, ')')"/></span>
  </xsl:template>

  <!-- src-line="N" on the span being written: the line of the
       portfolio node of it comes from, for the typesetter's warnings
       ("x.xml:17: warning: training title: ..."); nothing when unknown. -->
  <xsl:template name="src-line">
    <xsl:param name="of"/>
    <xsl:variable name="n" select="saxon:line-number($of)"/>
    <xsl:if test="$n &gt; 0 and $n &lt; 100000000"><xsl:attribute name="src-line"><xsl:value-of select="$n"/></xsl:attribute></xsl:if>
  </xsl:template>

  <xsl:variable name="confidential">Confidential: personal information of the applicant, for the endorsement committee only. Do not copy or forward.</xsl:variable>

</xsl:stylesheet>
