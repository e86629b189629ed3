<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what the document stylesheets (packet, review, renewal)
  share.  Included by them (xsl:include of a shipped stylesheet,
  SECURITY.md rule 9); it has no template that matches.

  - words: the one wording table, from the portfolio schema's codes
    (applicant.xsd) to the words a coordinator uses, and "say", which
    puts those words in place of the codes inside a text;
  - result-words, mark: a checklist's result and a rule's status as words
    and as a layout mark (shape and label);
  - rule-id: a rule id that never breaks at its hyphen;
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

  <!-- The wording table: a code of the portfolio schema in the words of
       its documentation.  Unknown codes print with spaces for hyphens. -->
  <xsl:template name="word">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 'rsc-provider'">provider of reflective supervision/consultation</xsl:when>
      <xsl:when test="$code = 'rsc-recipient'">recipient of reflective supervision/consultation</xsl:when>
      <xsl:when test="$code = 'rsc-provision'">providing reflective supervision/consultation</xsl:when>
      <xsl:when test="$code = 'rsc-to-practitioners'">reflective supervision/consultation for practitioners</xsl:when>
      <xsl:when test="$code = 'program-supervisor'">program supervisor</xsl:when>
      <xsl:when test="$code = 'department-chair'">department chair</xsl:when>
      <xsl:when test="$code = 'peer-group'">peer group (no supervisor/consultant)</xsl:when>
      <xsl:when test="$code = 'group'">group</xsl:when>
      <xsl:when test="$code = 'individual'">individual</xsl:when>
      <xsl:when test="$code = 'direct-service'">direct service</xsl:when>
      <xsl:when test="$code = 'supervised'">under supervision</xsl:when>
      <xsl:when test="$code = 'graduate-internship'">graduate internship</xsl:when>
      <xsl:when test="$code = 'practice-leadership'">practice leadership</xsl:when>
      <xsl:when test="$code = 'policy-administration'">policy and administration</xsl:when>
      <xsl:when test="$code = 'published-research'">published research</xsl:when>
      <xsl:when test="$code = 'university-teaching'">university teaching</xsl:when>
      <xsl:when test="$code = 'present-publish'">presenting and publishing</xsl:when>
      <xsl:when test="$code = 'imh-presentations'">infant mental health presentations</xsl:when>
      <xsl:when test="$code = 'represent-imh-at-conferences'">representing infant mental health at conferences</xsl:when>
      <xsl:when test="$code = 'university-certificate'">university certificate program</xsl:when>
      <xsl:when test="$code = 'chair-not-familiar-with-imh'">department chair not familiar with infant mental health</xsl:when>
      <xsl:when test="$code = 'syllabi-integration'">infant mental health in syllabi</xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($code, '-', ' ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A list of codes separated by spaces, as words joined by commas. -->
  <xsl:template name="words">
    <xsl:param name="codes"/>
    <xsl:variable name="s" select="normalize-space($codes)"/>
    <xsl:choose>
      <xsl:when test="contains($s, ' ')">
        <xsl:call-template name="word"><xsl:with-param name="code" select="substring-before($s, ' ')"/></xsl:call-template>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="words"><xsl:with-param name="codes" select="substring-after($s, ' ')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="word"><xsl:with-param name="code" select="$s"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

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

  <!-- A checklist text with the codes it may quote put in words (the
       evaluation writes "(rsc provider)" for the role rsc-provider). -->
  <xsl:template name="say">
    <xsl:param name="s"/>
    <xsl:variable name="a">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$s"/><xsl:with-param name="from" select="'rsc provider'"/><xsl:with-param name="to" select="'provider of reflective supervision/consultation'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="b">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$a"/><xsl:with-param name="from" select="'rsc recipient'"/><xsl:with-param name="to" select="'recipient of reflective supervision/consultation'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="c">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$b"/><xsl:with-param name="from" select="'peer-group'"/><xsl:with-param name="to" select="'peer group'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="d">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$c"/><xsl:with-param name="from" select="'present publish'"/><xsl:with-param name="to" select="'presenting and publishing'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="e">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$d"/><xsl:with-param name="from" select="'university-certificate'"/><xsl:with-param name="to" select="'university certificate program'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="f">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$e"/><xsl:with-param name="from" select="'rsc provision'"/><xsl:with-param name="to" select="'providing reflective supervision/consultation'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="g">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$f"/><xsl:with-param name="from" select="'direct service supervised'"/><xsl:with-param name="to" select="'direct service under supervision'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="g2">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$g"/><xsl:with-param name="from" select="'rsc to practitioners'"/><xsl:with-param name="to" select="'reflective supervision/consultation for practitioners'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="g3">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$g2"/><xsl:with-param name="from" select="'represent imh at conferences'"/><xsl:with-param name="to" select="'representing infant mental health at conferences'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="g4">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$g3"/><xsl:with-param name="from" select="'imh presentations'"/><xsl:with-param name="to" select="'infant mental health presentations'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="g5">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$g4"/><xsl:with-param name="from" select="'syllabi integration'"/><xsl:with-param name="to" select="'infant mental health in syllabi'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="h">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$g5"/><xsl:with-param name="from" select="'requirement endorse can check'"/><xsl:with-param name="to" select="'requirement that can be checked from the portfolio'"/></xsl:call-template>
    </xsl:variable>
    <!-- A period before the degree is not counted: never a negative count. -->
    <xsl:choose>
      <xsl:when test="contains($g, ': -') and substring($g, string-length($g) - 12) = ' days counted'">
        <xsl:value-of select="concat(substring-before($h, ': -'), ': before the degree: not counted')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$h"/></xsl:otherwise>
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
